/*
** modtable.c — the C modules compiled into gilpy: `import NAME` finds
** them here (vm/import.c) before looking at sys.path.  Adding a C module
** is one file in gilpy/modules/ plus one line here; a .py module is one
** file in gilpy/lib/ (frozen into the binary by lib/freeze.sh).
** Immutable after compilation; no guard needed.
*/
#include "objects/moduleobj.h"
#include "modules/mod_builtins.h"
#include "modules/mod_sys.h"
#include "modules/mod_math.h"
#include "modules/mod_time.h"
#include "modules/mod_gc.h"
#include "modules/mod_thread.h"
#include "modules/mod_gil.h"
#include "modules/mod_os.h"
#include "modules/mod_atexit.h"

const gp_moduledef_t *const gp_builtin_modules[] = {
    &gp_mod_builtins,
    &gp_mod_sys,
    &gp_mod_math,
    &gp_mod_time,
    &gp_mod_gc,
    &gp_mod_thread,
    &gp_mod_gil,
    &gp_mod_os,
    &gp_mod_atexit,
    NULL,
};
