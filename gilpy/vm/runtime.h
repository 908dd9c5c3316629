/*
** runtime.h — what the runtime layer (state.c, import.c, mod_sys.c,
** main.c) offers the rest of gilpy: the import system, sys's creation,
** running source.  Guard: the GIL.
*/
#ifndef GP_RUNTIME_H
#define GP_RUNTIME_H

#include "vm/state.h"

/* The IMPORT_NAME instruction and __import__: import `name` (level > 0:
** relative to globals' __package__/__name__), return the top package when
** fromlist is empty/None, else the module itself.  globals may be NULL
** for absolute imports.  ModuleNotFoundError "No module named 'x'". */
gp_obj_t *gp_import_name(gp_obj_t *name, gp_obj_t *globals,
                         gp_obj_t *fromlist, int level);
/* import a module by its dotted name (new reference). */
gp_obj_t *gp_import_cstr(const char *name);

/* Build the sys module's dict into in->sysdict (called once at start). */
int gp_sys_create(gp_interp_t *in, int argc, char **argv);
/* sys.argv / sys.path[0] for the program about to run. */
int gp_sys_set_argv(gp_interp_t *in, int argc, char **argv,
                    const char *path0);

/* The frame stack of a thread (vm/frame.c) is freed when it ends. */
void gp_frame_stack_free(gp_thread_t *t);

/* Compile and run source as the module __main__ (or in `globals`):
** returns 0, or -1 with an exception set. */
int gp_run_source(const char *src, gp_ssize_t len, const char *filename,
                  gp_obj_t *globals);

#endif
