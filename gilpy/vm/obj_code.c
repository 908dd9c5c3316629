/*
** obj_code.c — code objects (code.h): the compiler's output, immutable
** once made.  Guard: none needed after creation (the GIL while made).
*/
#include <stdlib.h>
#include <string.h>

#include "vm/code.h"
#include "vm/errors.h"
#include "objects/abstract.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/numobj.h"

static void intern_tuple(gp_obj_t *t)
{
    for (gp_ssize_t i = 0; i < GP_SIZE(t); i++) {
        gp_obj_t *s = GP_TUPLE_GET(t, i);
        if (GP_STR_CHECK_EXACT(s)) {
            gp_str_intern(&s);
            GP_TUPLE_SET(t, i, s);
        }
    }
}

gp_obj_t *gp_code_new(const uint32_t *code, gp_ssize_t ncode,
                      const gp_codepos_t *pos, gp_obj_t *consts,
                      gp_obj_t *names, gp_obj_t *varnames,
                      gp_obj_t *cellvars, gp_obj_t *freevars,
                      int argcount, int posonlyargcount, int kwonlyargcount,
                      int flags, int stacksize, int blocksize,
                      int firstlineno, gp_obj_t *filename, gp_obj_t *name,
                      gp_obj_t *qualname, gp_obj_t *docstring)
{
    gp_code_t *co = (gp_code_t *)gp_type_alloc(&gp_code_type, 0);
    if (!co)
        return NULL;
    co->code = malloc((size_t)(ncode ? ncode : 1) * sizeof(uint32_t));
    co->pos = malloc((size_t)(ncode ? ncode : 1) * sizeof(gp_codepos_t));
    if (!co->code || !co->pos) {
        GP_DECREF(co);
        return gp_err_nomemory();
    }
    memcpy(co->code, code, (size_t)ncode * sizeof(uint32_t));
    if (pos)
        memcpy(co->pos, pos, (size_t)ncode * sizeof(gp_codepos_t));
    else
        for (gp_ssize_t i = 0; i < ncode; i++)
            co->pos[i] = (gp_codepos_t){firstlineno, firstlineno, -1, -1};
    co->ncode = ncode;
    intern_tuple(names);
    intern_tuple(varnames);
    intern_tuple(cellvars);
    intern_tuple(freevars);
    co->consts = gp_newref(consts);
    co->names = gp_newref(names);
    co->varnames = gp_newref(varnames);
    co->cellvars = gp_newref(cellvars);
    co->freevars = gp_newref(freevars);
    co->argcount = argcount;
    co->posonlyargcount = posonlyargcount;
    co->kwonlyargcount = kwonlyargcount;
    co->flags = flags;
    co->nlocals = (int)GP_SIZE(varnames);
    co->ncells = (int)GP_SIZE(cellvars);
    co->nfrees = (int)GP_SIZE(freevars);
    co->stacksize = stacksize;
    co->blocksize = blocksize;
    co->firstlineno = firstlineno;
    co->filename = gp_newref(filename);
    co->name = gp_newref(name);
    co->qualname = gp_newref(qualname ? qualname : name);
    co->docstring = gp_xnewref(docstring);
    if (co->nfrees == 0)
        co->flags |= GP_CO_NOFREE;
    /* An argument that is also a cell: the cell starts with its value. */
    int nargs = argcount + kwonlyargcount + !!(flags & GP_CO_VARARGS)
              + !!(flags & GP_CO_VARKEYWORDS);
    for (int i = 0; i < co->ncells; i++) {
        gp_obj_t *cn = GP_TUPLE_GET(cellvars, i);
        for (int j = 0; j < nargs && j < co->nlocals; j++) {
            if (gp_str_eq(cn, GP_TUPLE_GET(varnames, j))) {
                if (!co->cell2arg) {
                    co->cell2arg = malloc((size_t)co->ncells * sizeof(int32_t));
                    if (!co->cell2arg) {
                        GP_DECREF(co);
                        return gp_err_nomemory();
                    }
                    for (int k = 0; k < co->ncells; k++)
                        co->cell2arg[k] = -1;
                }
                co->cell2arg[i] = j;
                break;
            }
        }
    }
    return (gp_obj_t *)co;
}

int gp_code_line(gp_code_t *co, gp_ssize_t i)
{
    if (i < 0 || i >= co->ncode)
        return co->firstlineno;
    return co->pos[i].line;
}

static void code_dealloc(gp_obj_t *o)
{
    gp_code_t *co = (gp_code_t *)o;
    free(co->code);
    free(co->pos);
    free(co->cell2arg);
    free(co->global_cache);
    GP_XDECREF(co->consts);
    GP_XDECREF(co->names);
    GP_XDECREF(co->varnames);
    GP_XDECREF(co->cellvars);
    GP_XDECREF(co->freevars);
    GP_XDECREF(co->filename);
    GP_XDECREF(co->name);
    GP_XDECREF(co->qualname);
    GP_XDECREF(co->docstring);
    gp_object_free(o);
}

static gp_obj_t *code_repr(gp_obj_t *o)
{
    gp_code_t *co = (gp_code_t *)o;
    return gp_str_fromformat("<code object %U at %p, file \"%U\", line %d>",
                             co->name, o, co->filename, co->firstlineno);
}

#define CO(o) ((gp_code_t *)(o))
static gp_obj_t *co_name(gp_obj_t *o, void *c) { return gp_newref(CO(o)->name); }
static gp_obj_t *co_qualname(gp_obj_t *o, void *c) { return gp_newref(CO(o)->qualname); }
static gp_obj_t *co_filename(gp_obj_t *o, void *c) { return gp_newref(CO(o)->filename); }
static gp_obj_t *co_consts(gp_obj_t *o, void *c) { return gp_newref(CO(o)->consts); }
static gp_obj_t *co_names(gp_obj_t *o, void *c) { return gp_newref(CO(o)->names); }
static gp_obj_t *co_varnames(gp_obj_t *o, void *c) { return gp_newref(CO(o)->varnames); }
static gp_obj_t *co_cellvars(gp_obj_t *o, void *c) { return gp_newref(CO(o)->cellvars); }
static gp_obj_t *co_freevars(gp_obj_t *o, void *c) { return gp_newref(CO(o)->freevars); }
static gp_obj_t *co_firstlineno(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->firstlineno); }
static gp_obj_t *co_argcount(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->argcount); }
static gp_obj_t *co_posonlyargcount(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->posonlyargcount); }
static gp_obj_t *co_kwonlyargcount(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->kwonlyargcount); }
static gp_obj_t *co_nlocals(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->nlocals); }
static gp_obj_t *co_stacksize(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->stacksize); }
static gp_obj_t *co_flags(gp_obj_t *o, void *c) { return gp_int_from_i64(CO(o)->flags); }

static gp_getsetdef_t code_getset[] = {
    {"co_name", co_name, NULL, NULL, NULL},
    {"co_qualname", co_qualname, NULL, NULL, NULL},
    {"co_filename", co_filename, NULL, NULL, NULL},
    {"co_consts", co_consts, NULL, NULL, NULL},
    {"co_names", co_names, NULL, NULL, NULL},
    {"co_varnames", co_varnames, NULL, NULL, NULL},
    {"co_cellvars", co_cellvars, NULL, NULL, NULL},
    {"co_freevars", co_freevars, NULL, NULL, NULL},
    {"co_firstlineno", co_firstlineno, NULL, NULL, NULL},
    {"co_argcount", co_argcount, NULL, NULL, NULL},
    {"co_posonlyargcount", co_posonlyargcount, NULL, NULL, NULL},
    {"co_kwonlyargcount", co_kwonlyargcount, NULL, NULL, NULL},
    {"co_nlocals", co_nlocals, NULL, NULL, NULL},
    {"co_stacksize", co_stacksize, NULL, NULL, NULL},
    {"co_flags", co_flags, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_code_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "code",
    .basicsize = sizeof(gp_code_t),
    .flags = GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getset = code_getset,
};

int gp_obj_code_init(void)
{
    return gp_type_ready(&gp_code_type);
}
