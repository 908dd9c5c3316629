/*
** codegen.c — the compiler proper: scopes (units), emission, names and
** constants, and code generation for statements (expressions are in
** codegen_expr.c).  Exception handling uses opcode.h's block stack:
** SETUP_FINALLY pushes a handler that receives [.. exc], every handler
** first runs PUSH_EXC_INFO under a "cleanup" block that restores the
** previous exception (SWAP 2; POP_EXCEPT; RERAISE) if the handler body
** raises, as CPython 3.11's exception table does.  Guard: the GIL.
*/
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "compile/codegen.h"
#include "objects/strobj.h"
#include "objects/listobj.h"
#include "objects/numobj.h"
#include "vm/errors.h"

/* ---------------- string map ---------------- */

static unsigned bytes_hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

int gp_strmap_get(gp_strmap_t *m, const char *key, size_t len)
{
    if (!m->cap)
        return -1;
    unsigned mask = (unsigned)m->cap - 1, i = bytes_hash(key, len) & mask;
    while (m->keys[i]) {
        if (m->klens[i] == len && !memcmp(m->keys[i], key, len))
            return m->vals[i];
        i = (i + 1) & mask;
    }
    return -1;
}

static int strmap_insert(gp_strmap_t *m, char *key, size_t len, int val)
{
    unsigned mask = (unsigned)m->cap - 1, i = bytes_hash(key, len) & mask;
    while (m->keys[i])
        i = (i + 1) & mask;
    m->keys[i] = key;
    m->klens[i] = len;
    m->vals[i] = val;
    m->n++;
    return 0;
}

int gp_strmap_put(gp_strmap_t *m, const char *key, size_t len, int val)
{
    if ((m->n + 1) * 2 > m->cap) {
        gp_strmap_t nm = {0};
        nm.cap = m->cap ? m->cap * 2 : 16;
        nm.keys = calloc((size_t)nm.cap, sizeof(char *));
        nm.klens = calloc((size_t)nm.cap, sizeof(size_t));
        nm.vals = calloc((size_t)nm.cap, sizeof(int));
        if (!nm.keys || !nm.klens || !nm.vals) {
            free(nm.keys);
            free(nm.klens);
            free(nm.vals);
            return -1;
        }
        for (int i = 0; i < m->cap; i++)
            if (m->keys[i])
                strmap_insert(&nm, m->keys[i], m->klens[i], m->vals[i]);
        free(m->keys);
        free(m->klens);
        free(m->vals);
        *m = nm;
    }
    char *k = malloc(len + 1);
    if (!k)
        return -1;
    memcpy(k, key, len);
    k[len] = 0;
    return strmap_insert(m, k, len, val);
}

void gp_strmap_free(gp_strmap_t *m)
{
    for (int i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->klens);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---------------- errors ---------------- */

int gp_cg_nomem(gp_compiler_t *c)
{
    if (!c->failed) {
        gp_err_nomemory();
        c->failed = 1;
    }
    return -1;
}

/* Line `lineno` of the source (without its newline), or NULL. */
static const char *source_line(gp_compiler_t *c, int lineno, size_t *len)
{
    if (!c->src || lineno < 1)
        return NULL;
    const char *p = c->src, *end = c->src + c->srclen;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((e ? e : end) - p);
    return p;
}

/* A byte column as CPython's 1-based character offset. */
static int char_offset(const char *line, size_t len, int col)
{
    if (!line || col < 0)
        return col + 1;
    int n = 0;
    for (int i = 0; i < col && (size_t)i < len; i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80)
            n++;
    return n + 1;
}

/* CPython fills SyntaxError.text by reading the file, so a "<string>"
** source gets None; we mimic that with the source we have. */
int gp_cg_error(gp_compiler_t *c, gp_loc_t loc, const char *fmt, ...)
{
    if (c->failed)
        return -1;
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t llen = 0, elen = 0;
    const char *line = source_line(c, loc.lineno, &llen);
    const char *eline = source_line(c, loc.end_lineno, &elen);
    int off = char_offset(line, llen, loc.col_offset);
    int eoff = char_offset(eline, elen, loc.end_col_offset);
    char *text = NULL;
    gp_ssize_t fl = 0;
    const char *fn = c->filename ? gp_str_utf8(c->filename, &fl) : NULL;
    if (line && fn && fl > 0 && fn[0] != '<') {
        text = malloc(llen + 2);
        if (text) {
            memcpy(text, line, llen);
            text[llen] = '\n';
            text[llen + 1] = 0;
        }
    }
    gp_err_syntax(&gp_exc_SyntaxError, msg, c->filename, loc.lineno, off,
                  loc.end_lineno, eoff, text);
    free(text);
    c->failed = 1;
    return -1;
}

/* ---------------- emission ---------------- */

gp_codepos_t gp_cg_set_pos(gp_compiler_t *c, gp_loc_t loc)
{
    gp_codepos_t old = c->u->pos;
    c->u->pos.line = loc.lineno;
    c->u->pos.end_line = loc.end_lineno;
    c->u->pos.col = loc.col_offset;
    c->u->pos.end_col = loc.end_col_offset;
    return old;
}

int gp_cg_emit(gp_compiler_t *c, int op, uint32_t arg)
{
    gp_unit_t *u = c->u;
    if (u->ninstrs == u->capinstrs) {
        int cap = u->capinstrs ? u->capinstrs * 2 : 64;
        gp_cinstr_t *n = realloc(u->instrs, (size_t)cap * sizeof *n);
        if (!n)
            return gp_cg_nomem(c);
        u->instrs = n;
        u->capinstrs = cap;
    }
    gp_cinstr_t *i = &u->instrs[u->ninstrs++];
    i->op = (uint8_t)op;
    i->arg = arg;
    i->pos = u->pos;
    return 0;
}

int gp_cg_new_label(gp_compiler_t *c)
{
    gp_unit_t *u = c->u;
    if (u->nlabels == u->caplabels) {
        int cap = u->caplabels ? u->caplabels * 2 : 32;
        int *n = realloc(u->labels, (size_t)cap * sizeof *n);
        if (!n)
            return gp_cg_nomem(c);
        u->labels = n;
        u->caplabels = cap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

int gp_cg_use_label(gp_compiler_t *c, int label)
{
    c->u->labels[label] = c->u->ninstrs;
    return 0;
}

/* ---------------- constants and names ---------------- */

static int add_const_raw(gp_compiler_t *c, gp_obj_t *o)
{
    gp_unit_t *u = c->u;
    if (u->nconsts == u->capconsts) {
        int cap = u->capconsts ? u->capconsts * 2 : 16;
        gp_obj_t **n = realloc(u->consts, (size_t)cap * sizeof *n);
        if (!n) {
            GP_DECREF(o);
            return gp_cg_nomem(c);
        }
        u->consts = n;
        u->capconsts = cap;
    }
    u->consts[u->nconsts] = o;
    return u->nconsts++;
}

/* Constants are shared within a unit when their type and value (as
** text) agree, so 1, 1.0 and True stay distinct. */
static int const_key(gp_obj_t *o, char *buf, size_t cap, const char **key,
                     size_t *klen)
{
    gp_ssize_t n;
    if (GP_STR_CHECK_EXACT(o)) {
        const char *s = gp_str_utf8_sp(o, &n);
        if (!s)
            return -1;
        if ((size_t)n + 1 <= cap) {
            buf[0] = 's';
            memcpy(buf + 1, s, (size_t)n);
            *key = buf;
            *klen = (size_t)n + 1;
            return 1;
        }
        return 0;
    }
    if (o == GP_NONE) {
        *key = "N";
        *klen = 1;
        return 1;
    }
    if (o == GP_TRUE || o == GP_FALSE) {
        *key = o == GP_TRUE ? "T" : "F";
        *klen = 1;
        return 1;
    }
    return 0;
}

int gp_cg_add_const(gp_compiler_t *c, gp_obj_t *o)
{
    if (!o)
        return c->failed ? -1 : (c->failed = 1, -1);
    char buf[256];
    const char *key = NULL;
    size_t klen = 0;
    int k = const_key(o, buf, sizeof buf, &key, &klen);
    if (k < 0) {
        GP_DECREF(o);
        c->failed = 1;
        return -1;
    }
    if (k > 0) {
        int i = gp_strmap_get(&c->u->constmap, key, klen);
        if (i >= 0) {
            GP_DECREF(o);
            return i;
        }
    }
    int i = add_const_raw(c, o);
    if (i >= 0 && k > 0 && gp_strmap_put(&c->u->constmap, key, klen, i) < 0)
        return gp_cg_nomem(c);
    return i;
}

int gp_cg_const_none(gp_compiler_t *c)
{
    return gp_cg_add_const(c, gp_newref(GP_NONE));
}

int gp_cg_add_name(gp_compiler_t *c, const char *name)
{
    gp_unit_t *u = c->u;
    size_t len = strlen(name);
    int i = gp_strmap_get(&u->namemap, name, len);
    if (i >= 0)
        return i;
    if (u->nnames == u->capnames) {
        int cap = u->capnames ? u->capnames * 2 : 16;
        const char **n = realloc(u->names, (size_t)cap * sizeof *n);
        if (!n)
            return gp_cg_nomem(c);
        u->names = n;
        u->capnames = cap;
    }
    u->names[u->nnames] = name;
    if (gp_strmap_put(&u->namemap, name, len, u->nnames) < 0)
        return gp_cg_nomem(c);
    return u->nnames++;
}

const char *gp_cg_mangle(gp_compiler_t *c, const char *name)
{
    const char *priv = c->u->ste->type == GP_BLOCK_CLASS
                       ? c->u->ste->name : c->u->ste->private_name;
    const char *m = gp_mangle(c->st->arena, priv, name);
    if (!m)
        gp_cg_nomem(c);
    return m;
}

static int add_varname(gp_compiler_t *c, const char *name)
{
    gp_unit_t *u = c->u;
    size_t len = strlen(name);
    int i = gp_strmap_get(&u->varmap, name, len);
    if (i >= 0)
        return i;
    if (u->nvarnames == u->capvarnames) {
        int cap = u->capvarnames ? u->capvarnames * 2 : 16;
        const char **n = realloc(u->varnames, (size_t)cap * sizeof *n);
        if (!n)
            return gp_cg_nomem(c);
        u->varnames = n;
        u->capvarnames = cap;
    }
    u->varnames[u->nvarnames] = name;
    if (gp_strmap_put(&u->varmap, name, len, u->nvarnames) < 0)
        return gp_cg_nomem(c);
    return u->nvarnames++;
}

static int find_name(const char **arr, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(arr[i], name))
            return i;
    return -1;
}

/* Slot of a cell or free variable for the DEREF instructions. */
static int deref_slot(gp_compiler_t *c, const char *name)
{
    gp_unit_t *u = c->u;
    int i = find_name(u->cellvars, u->ncellvars, name);
    if (i >= 0)
        return u->nvarnames + i;
    i = find_name(u->freevars, u->nfreevars, name);
    if (i >= 0)
        return u->nvarnames + u->ncellvars + i;
    return -1;
}

int gp_cg_nameop(gp_compiler_t *c, const char *name, gp_ctx_t ctx)
{
    gp_unit_t *u = c->u;
    const char *m = gp_cg_mangle(c, name);
    if (!m)
        return -1;
    int scope = gp_ste_scope(u->ste, m);
    int is_func = u->ste->type == GP_BLOCK_FUNCTION;
    enum { OP_NAME, OP_FAST, OP_DEREF, OP_GLOBAL } kind = OP_NAME;
    switch (scope) {
    case GP_SCOPE_FREE: case GP_SCOPE_CELL:
        kind = OP_DEREF;
        break;
    case GP_SCOPE_LOCAL:
        if (is_func)
            kind = OP_FAST;
        break;
    case GP_SCOPE_GLOBAL_IMPLICIT:
        if (is_func)
            kind = OP_GLOBAL;
        break;
    case GP_SCOPE_GLOBAL_EXPLICIT:
        kind = OP_GLOBAL;
        break;
    default:
        break;
    }
    /* __class__ of a method: the implicit cell. */
    if (kind == OP_NAME && scope == GP_SCOPE_NONE && is_func
        && deref_slot(c, m) >= 0)
        kind = OP_DEREF;
    switch (kind) {
    case OP_DEREF: {
        int slot = deref_slot(c, m);
        if (slot < 0)
            return gp_cg_error(c, (gp_loc_t){u->pos.line, u->pos.col,
                               u->pos.end_line, u->pos.end_col},
                               "internal compiler error: no cell for '%s'", m);
        int op = ctx == GP_LOAD ? (u->ste->type == GP_BLOCK_CLASS
                                   ? GP_OP_LOAD_CLASSDEREF : GP_OP_LOAD_DEREF)
                 : ctx == GP_STORE ? GP_OP_STORE_DEREF : GP_OP_DELETE_DEREF;
        return gp_cg_emit(c, op, (uint32_t)slot);
    }
    case OP_FAST: {
        int slot = add_varname(c, m);
        if (slot < 0)
            return -1;
        int op = ctx == GP_LOAD ? GP_OP_LOAD_FAST
                 : ctx == GP_STORE ? GP_OP_STORE_FAST : GP_OP_DELETE_FAST;
        return gp_cg_emit(c, op, (uint32_t)slot);
    }
    case OP_GLOBAL: {
        int i = gp_cg_add_name(c, m);
        if (i < 0)
            return -1;
        if (ctx == GP_LOAD)
            return gp_cg_emit(c, GP_OP_LOAD_GLOBAL, (uint32_t)i << 1);
        return gp_cg_emit(c, ctx == GP_STORE ? GP_OP_STORE_GLOBAL
                                             : GP_OP_DELETE_GLOBAL, (uint32_t)i);
    }
    default: {
        int i = gp_cg_add_name(c, m);
        if (i < 0)
            return -1;
        int op = ctx == GP_LOAD ? GP_OP_LOAD_NAME
                 : ctx == GP_STORE ? GP_OP_STORE_NAME : GP_OP_DELETE_NAME;
        return gp_cg_emit(c, op, (uint32_t)i);
    }
    }
}

/* ---------------- scopes ---------------- */

static char *make_qualname(gp_compiler_t *c, gp_ste_t *ste, const char *name)
{
    gp_unit_t *p = c->u;
    const char *base = NULL;
    const char *suffix = "";
    if (p && p->ste->type != GP_BLOCK_MODULE) {
        /* A def declared global in its parent is named from the top. */
        const char *m = gp_mangle(c->st->arena, p->ste->type == GP_BLOCK_CLASS
                                  ? p->ste->name : p->ste->private_name, name);
        int sc = m ? gp_ste_scope(p->ste, m) : 0;
        if (sc != GP_SCOPE_GLOBAL_EXPLICIT) {
            base = p->qualname;
            if (p->ste->type == GP_BLOCK_FUNCTION)
                suffix = ".<locals>";
        }
    }
    size_t n = strlen(name) + 1;
    if (base)
        n += strlen(base) + strlen(suffix) + 1;
    char *q = malloc(n);
    if (!q)
        return NULL;
    if (base)
        snprintf(q, n, "%s%s.%s", base, suffix, name);
    else
        snprintf(q, n, "%s", name);
    return q;
}

int gp_cg_enter_scope(gp_compiler_t *c, gp_ste_t *ste, const char *name,
                      int firstlineno)
{
    gp_unit_t *u = calloc(1, sizeof *u);
    if (!u)
        return gp_cg_nomem(c);
    u->qualname = make_qualname(c, ste, name);
    if (!u->qualname) {
        free(u);
        return gp_cg_nomem(c);
    }
    u->parent = c->u;
    u->ste = ste;
    u->name = name;
    u->firstlineno = firstlineno;
    u->pos.line = u->pos.end_line = firstlineno;
    u->pos.col = u->pos.end_col = -1;
    c->u = u;
    int ncell = 0, nfree = 0;
    for (int i = 0; i < ste->nsyms; i++) {
        gp_sym_t *s = &ste->syms[i];
        if (s->scope == GP_SCOPE_CELL)
            ncell++;
        else if (s->scope == GP_SCOPE_FREE
                 || (s->flags & GP_DEF_FREE_CLASS))
            nfree++;
    }
    if (ste->needs_class_closure)
        ncell++;
    u->cellvars = calloc((size_t)ncell + 1, sizeof(char *));
    u->freevars = calloc((size_t)nfree + 1, sizeof(char *));
    if (!u->cellvars || !u->freevars)
        return gp_cg_nomem(c);
    if (ste->needs_class_closure)
        u->cellvars[u->ncellvars++] = "__class__";
    for (int i = 0; i < ste->nsyms; i++) {
        gp_sym_t *s = &ste->syms[i];
        if (s->scope == GP_SCOPE_CELL)
            u->cellvars[u->ncellvars++] = s->name;
        else if (s->scope == GP_SCOPE_FREE || (s->flags & GP_DEF_FREE_CLASS))
            u->freevars[u->nfreevars++] = s->name;
    }
    if (ste->type == GP_BLOCK_FUNCTION) {
        u->flags = GP_CO_OPTIMIZED | GP_CO_NEWLOCALS;
        for (int i = 0; i < ste->nparams; i++)
            if (add_varname(c, ste->params[i]) < 0)
                return -1;
        /* All locals now: the DEREF slots come after them, so the
        ** number of locals must not change while emitting. */
        for (int i = 0; i < ste->nsyms; i++)
            if (ste->syms[i].scope == GP_SCOPE_LOCAL
                && add_varname(c, ste->syms[i].name) < 0)
                return -1;
        if (ste->is_generator)
            u->flags |= GP_CO_GENERATOR;
    }
    if (u->parent && u->parent->ste->type == GP_BLOCK_FUNCTION)
        u->flags |= GP_CO_NESTED;
    if (!u->ncellvars && !u->nfreevars)
        u->flags |= GP_CO_NOFREE;
    return 0;
}

void gp_cg_exit_scope(gp_compiler_t *c)
{
    gp_unit_t *u = c->u;
    if (!u)
        return;
    c->u = u->parent;
    for (int i = 0; i < u->nconsts; i++)
        GP_DECREF(u->consts[i]);
    free(u->consts);
    free(u->instrs);
    free(u->labels);
    free(u->names);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    free(u->qualname);
    gp_strmap_free(&u->constmap);
    gp_strmap_free(&u->namemap);
    gp_strmap_free(&u->varmap);
    GP_XDECREF(u->docstring);
    free(u);
}

/* Pushes the closure tuple for `code` (made in a child scope) when it has
** free variables; returns MAKE_FUNCTION's flag for it (8 or 0), -1. */
int gp_cg_make_closure(gp_compiler_t *c, gp_obj_t *code, int flags)
{
    gp_code_t *co = (gp_code_t *)code;
    gp_ssize_t n = GP_SIZE(co->freevars);
    if (!n)
        return flags;
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_ssize_t len;
        const char *name = gp_str_utf8_sp(GP_TUPLE_GET(co->freevars, i), &len);
        if (!name)
            return c->failed = 1, -1;
        int slot = deref_slot(c, name);
        if (slot < 0)
            return gp_cg_error(c, (gp_loc_t){c->u->pos.line, 0,
                               c->u->pos.line, 0}, "internal compiler error:"
                               " no closure cell for '%s'", name);
        if (gp_cg_emit(c, GP_OP_LOAD_CLOSURE, (uint32_t)slot) < 0)
            return -1;
    }
    if (gp_cg_emit(c, GP_OP_BUILD_TUPLE, (uint32_t)n) < 0)
        return -1;
    return flags | 8;
}

/* ---------------- frame blocks ---------------- */

int gp_cg_push_fblock(gp_compiler_t *c, gp_fblock_kind_t kind, int block,
                      int exit, const void *datum, gp_loc_t loc)
{
    gp_unit_t *u = c->u;
    if (u->nfblocks >= GP_MAX_FBLOCKS)
        return gp_cg_error(c, loc, "too many statically nested blocks");
    gp_fblock_t *f = &u->fblocks[u->nfblocks++];
    f->kind = kind;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->loc = loc;
    return 0;
}

void gp_cg_pop_fblock(gp_compiler_t *c)
{
    c->u->nfblocks--;
}

static int emit_exit_call(gp_compiler_t *c)
{
    int none = gp_cg_const_none(c);
    if (none < 0)
        return -1;
    for (int i = 0; i < 3; i++)
        if (gp_cg_emit(c, GP_OP_LOAD_CONST, (uint32_t)none) < 0)
            return -1;
    if (gp_cg_emit(c, GP_OP_CALL, 2) < 0)
        return -1;
    return gp_cg_emit(c, GP_OP_POP_TOP, 0);
}

static int clear_handler_name(gp_compiler_t *c, const char *name)
{
    int none = gp_cg_const_none(c);
    if (none < 0 || gp_cg_emit(c, GP_OP_LOAD_CONST, (uint32_t)none) < 0)
        return -1;
    if (gp_cg_nameop(c, name, GP_STORE) < 0)
        return -1;
    return gp_cg_nameop(c, name, GP_DEL);
}

/* What leaving the block early (break, continue, return) must do; with
** preserve_tos the value on top (a return value) is kept on top. */
static int unwind_fblock(gp_compiler_t *c, gp_fblock_t *fb, int preserve_tos)
{
    switch (fb->kind) {
    case GP_FB_WHILE_LOOP: case GP_FB_EXCEPTION_HANDLER:
        return 0;
    case GP_FB_FOR_LOOP:
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        return gp_cg_emit(c, GP_OP_POP_TOP, 0);
    case GP_FB_TRY_EXCEPT:
        return gp_cg_emit(c, GP_OP_POP_BLOCK, 0);
    case GP_FB_FINALLY_TRY: {
        if (gp_cg_emit(c, GP_OP_POP_BLOCK, 0) < 0)
            return -1;
        if (preserve_tos && gp_cg_push_fblock(c, GP_FB_POP_VALUE, -1, -1,
                                              NULL, fb->loc) < 0)
            return -1;
        if (gp_cg_stmts(c, (gp_ast_seq_t *)fb->datum) < 0)
            return -1;
        if (preserve_tos)
            gp_cg_pop_fblock(c);
        return 0;
    }
    case GP_FB_FINALLY_END:
        /* [prev exc (value)] */
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        if (gp_cg_emit(c, GP_OP_POP_TOP, 0) < 0)
            return -1;
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        if (gp_cg_emit(c, GP_OP_POP_BLOCK, 0) < 0)
            return -1;
        return gp_cg_emit(c, GP_OP_POP_EXCEPT, 0);
    case GP_FB_WITH: {
        gp_codepos_t old = gp_cg_set_pos(c, fb->loc);
        if (gp_cg_emit(c, GP_OP_POP_BLOCK, 0) < 0)
            return -1;
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        int r = emit_exit_call(c);
        c->u->pos = old;
        return r;
    }
    case GP_FB_HANDLER_CLEANUP: {
        const char *name = fb->datum;
        if (name && gp_cg_emit(c, GP_OP_POP_BLOCK, 0) < 0)
            return -1;
        if (gp_cg_emit(c, GP_OP_POP_BLOCK, 0) < 0)
            return -1;
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        if (gp_cg_emit(c, GP_OP_POP_EXCEPT, 0) < 0)
            return -1;
        if (name)
            return clear_handler_name(c, name);
        return 0;
    }
    case GP_FB_POP_VALUE:
        if (preserve_tos && gp_cg_emit(c, GP_OP_SWAP, 2) < 0)
            return -1;
        return gp_cg_emit(c, GP_OP_POP_TOP, 0);
    }
    return 0;
}

/* Unwinds every block up to (not including) the innermost loop when
** *loop is wanted, else all of them.  The blocks are popped while their
** cleanup code is generated (a finally body must not see itself). */
static int unwind_fblock_stack(gp_compiler_t *c, int preserve_tos,
                               gp_fblock_t *loop)
{
    gp_unit_t *u = c->u;
    if (!u->nfblocks)
        return 0;
    gp_fblock_t top = u->fblocks[u->nfblocks - 1];
    if (loop && (top.kind == GP_FB_WHILE_LOOP || top.kind == GP_FB_FOR_LOOP)) {
        *loop = top;
        return 1;
    }
    u->nfblocks--;
    int r = unwind_fblock(c, &top, preserve_tos);
    if (r >= 0)
        r = unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = top;
    return r;
}

/* ---------------- statements ---------------- */

#define EMIT(op, arg)  do { if (gp_cg_emit(c, (op), (uint32_t)(arg)) < 0) \
                                return -1; } while (0)
#define VISIT(e)       do { if (gp_cg_expr(c, (e)) < 0) return -1; } while (0)
#define NEWLABEL(l)    int l = gp_cg_new_label(c); if (l < 0) return -1
#define USE(l)         gp_cg_use_label(c, (l))

static int compile_stmt(gp_compiler_t *c, gp_stmt_t *s);

static int load_const_obj(gp_compiler_t *c, gp_obj_t *o)
{
    int i = gp_cg_add_const(c, o);
    if (i < 0)
        return -1;
    return gp_cg_emit(c, GP_OP_LOAD_CONST, (uint32_t)i);
}

static int load_none(gp_compiler_t *c)
{
    return load_const_obj(c, gp_newref(GP_NONE));
}

static gp_expr_t *docstring_of(gp_ast_seq_t *body)
{
    if (!GP_SEQ_LEN(body))
        return NULL;
    gp_stmt_t *s = GP_SEQ_GET(body, 0);
    if (s->kind != GP_S_EXPR || s->v.expr.value->kind != GP_E_CONSTANT
        || s->v.expr.value->v.constant.kind != GP_CONST_STR)
        return NULL;
    return s->v.expr.value;
}

/* Defaults, keyword-only defaults and annotations of a def or lambda,
** evaluated in CPython's order, then reversed: MAKE_FUNCTION (opcode.h)
** pops the defaults first, so they must end up nearest the code. */
int gp_cg_function_args(gp_compiler_t *c, gp_arguments_t *a, int *flags)
{
    int k = 0;
    if (GP_SEQ_LEN(a->defaults)) {
        for (int i = 0; i < GP_SEQ_LEN(a->defaults); i++)
            VISIT(GP_SEQ_GET(a->defaults, i));
        EMIT(GP_OP_BUILD_TUPLE, GP_SEQ_LEN(a->defaults));
        *flags |= 1;
        k++;
    }
    int nkw = 0;
    for (int i = 0; i < GP_SEQ_LEN(a->kwonlyargs); i++) {
        gp_expr_t *d = GP_SEQ_GET(a->kw_defaults, i);
        if (!d)
            continue;
        gp_arg_t *arg = GP_SEQ_GET(a->kwonlyargs, i);
        const char *m = gp_cg_mangle(c, arg->arg);
        if (!m || load_const_obj(c, gp_str_from_utf8_sp(m, (gp_ssize_t)strlen(m))) < 0)
            return -1;
        VISIT(d);
        nkw++;
    }
    if (nkw) {
        EMIT(GP_OP_BUILD_MAP, nkw);
        *flags |= 2;
        k++;
    }
    return k;
}

static int annotations_tuple(gp_compiler_t *c, gp_arguments_t *a,
                             gp_expr_t *returns, int *flags)
{
    int n = 0;
    gp_ast_seq_t *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    gp_arg_t *extra[2] = {a->vararg, a->kwarg};
    for (int l = 0; l < 5; l++) {
        int cnt = l < 3 ? GP_SEQ_LEN(lists[l]) : 1;
        for (int i = 0; i < cnt; i++) {
            gp_arg_t *arg = l < 3 ? GP_SEQ_GET(lists[l], i) : extra[l - 3];
            if (!arg || !arg->annotation)
                continue;
            const char *m = gp_cg_mangle(c, arg->arg);
            if (!m || load_const_obj(c, gp_str_from_utf8_sp(m,
                                     (gp_ssize_t)strlen(m))) < 0)
                return -1;
            VISIT(arg->annotation);
            n++;
        }
    }
    if (returns) {
        if (load_const_obj(c, gp_str_from_cstr("return")) < 0)
            return -1;
        VISIT(returns);
        n++;
    }
    if (!n)
        return 0;
    EMIT(GP_OP_BUILD_TUPLE, 2 * n);
    *flags |= 4;
    return 1;
}

static int reverse_top(gp_compiler_t *c, int k)
{
    if (k >= 2)
        EMIT(GP_OP_SWAP, k);
    return 0;
}

static int apply_decorators(gp_compiler_t *c, gp_ast_seq_t *decos)
{
    for (int i = GP_SEQ_LEN(decos) - 1; i >= 0; i--) {
        gp_expr_t *d = GP_SEQ_GET(decos, i);
        gp_codepos_t old = gp_cg_set_pos(c, d->loc);
        int r = gp_cg_emit(c, GP_OP_CALL, 1);
        c->u->pos = old;
        if (r < 0)
            return -1;
    }
    return 0;
}

static int push_decorators(gp_compiler_t *c, gp_ast_seq_t *decos)
{
    for (int i = 0; i < GP_SEQ_LEN(decos); i++) {
        EMIT(GP_OP_PUSH_NULL, 0);
        VISIT(GP_SEQ_GET(decos, i));
    }
    return 0;
}

static int set_arg_counts(gp_compiler_t *c, gp_arguments_t *a)
{
    gp_unit_t *u = c->u;
    u->posonlyargcount = GP_SEQ_LEN(a->posonlyargs);
    u->argcount = u->posonlyargcount + GP_SEQ_LEN(a->args);
    u->kwonlyargcount = GP_SEQ_LEN(a->kwonlyargs);
    if (a->vararg)
        u->flags |= GP_CO_VARARGS;
    if (a->kwarg)
        u->flags |= GP_CO_VARKEYWORDS;
    return 0;
}

static int generator_prologue(gp_compiler_t *c)
{
    if (c->u->ste->is_generator) {
        EMIT(GP_OP_RETURN_GENERATOR, 0);
        EMIT(GP_OP_POP_TOP, 0);
    }
    return 0;
}

/* Makes the function object of a def/lambda whose code is compiled:
** [decorators] closure defaults kwdefaults annotations code. */
static int emit_function(gp_compiler_t *c, gp_obj_t *code, gp_arguments_t *a,
                         gp_expr_t *returns, int with_annotations)
{
    int flags = gp_cg_make_closure(c, code, 0);
    if (flags < 0) {
        GP_DECREF(code);
        return -1;
    }
    int k = gp_cg_function_args(c, a, &flags);
    if (k < 0) {
        GP_DECREF(code);
        return -1;
    }
    if (with_annotations) {
        int r = annotations_tuple(c, a, returns, &flags);
        if (r < 0) {
            GP_DECREF(code);
            return -1;
        }
        k += r;
    }
    if (reverse_top(c, k) < 0 || load_const_obj(c, code) < 0)
        return -1;
    EMIT(GP_OP_MAKE_FUNCTION, flags);
    return 0;
}

static int compile_funcdef(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_ste_t *ste = gp_ste_child(c->u->ste, s);
    if (!ste)
        return gp_cg_error(c, s->loc, "internal compiler error: no scope");
    if (push_decorators(c, s->v.funcdef.decorator_list) < 0)
        return -1;
    int first = s->loc.lineno;
    if (GP_SEQ_LEN(s->v.funcdef.decorator_list)) {
        gp_expr_t *d = GP_SEQ_GET(s->v.funcdef.decorator_list, 0);
        first = d->loc.lineno;
    }
    if (gp_cg_enter_scope(c, ste, s->v.funcdef.name, first) < 0) {
        gp_cg_exit_scope(c);
        return -1;
    }
    set_arg_counts(c, s->v.funcdef.args);
    gp_ast_seq_t *body = s->v.funcdef.body;
    gp_expr_t *doc = docstring_of(body);
    int r = generator_prologue(c);
    if (r == 0 && doc) {
        c->u->docstring = gp_cg_const_obj(c, &doc->v.constant);
        if (!c->u->docstring)
            r = -1;
    }
    for (int i = doc ? 1 : 0; r == 0 && i < GP_SEQ_LEN(body); i++)
        r = compile_stmt(c, GP_SEQ_GET(body, i));
    if (r == 0)
        r = load_none(c);
    if (r == 0)
        r = gp_cg_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_obj_t *code = r == 0 ? gp_cg_assemble(c, c->u) : NULL;
    gp_cg_exit_scope(c);
    if (!code)
        return c->failed = 1, -1;
    if (emit_function(c, code, s->v.funcdef.args, s->v.funcdef.returns, 1) < 0)
        return -1;
    if (apply_decorators(c, s->v.funcdef.decorator_list) < 0)
        return -1;
    return gp_cg_nameop(c, s->v.funcdef.name, GP_STORE);
}

int gp_cg_lambda(gp_compiler_t *c, gp_expr_t *e)
{
    gp_ste_t *ste = gp_ste_child(c->u->ste, e);
    if (!ste)
        return gp_cg_error(c, e->loc, "internal compiler error: no scope");
    if (gp_cg_enter_scope(c, ste, "<lambda>", e->loc.lineno) < 0) {
        gp_cg_exit_scope(c);
        return -1;
    }
    set_arg_counts(c, e->v.lambda.args);
    int r = generator_prologue(c);
    if (r == 0)
        r = gp_cg_expr(c, e->v.lambda.body);
    if (r == 0 && c->u->ste->is_generator)
        r = gp_cg_emit(c, GP_OP_POP_TOP, 0) < 0 ? -1 : load_none(c);
    if (r == 0)
        r = gp_cg_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_obj_t *code = r == 0 ? gp_cg_assemble(c, c->u) : NULL;
    gp_cg_exit_scope(c);
    if (!code)
        return c->failed = 1, -1;
    return emit_function(c, code, e->v.lambda.args, NULL, 0);
}

static int store_name_str(gp_compiler_t *c, const char *name)
{
    int i = gp_cg_add_name(c, name);
    if (i < 0)
        return -1;
    return gp_cg_emit(c, GP_OP_STORE_NAME, (uint32_t)i);
}

static int compile_body_with_doc(gp_compiler_t *c, gp_ast_seq_t *body)
{
    gp_expr_t *doc = docstring_of(body);
    if (c->u->ste->has_annotations)
        EMIT(GP_OP_SETUP_ANNOTATIONS, 0);
    int start = 0;
    if (doc && !c->interactive) {
        gp_stmt_t *s0 = GP_SEQ_GET(body, 0);
        gp_codepos_t old = gp_cg_set_pos(c, s0->loc);
        if (gp_cg_const_expr(c, &doc->v.constant) < 0
            || store_name_str(c, "__doc__") < 0)
            return -1;
        c->u->pos = old;
        start = 1;
    }
    for (int i = start; i < GP_SEQ_LEN(body); i++)
        if (compile_stmt(c, GP_SEQ_GET(body, i)) < 0)
            return -1;
    return 0;
}

static int compile_classdef(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_ste_t *ste = gp_ste_child(c->u->ste, s);
    if (!ste)
        return gp_cg_error(c, s->loc, "internal compiler error: no scope");
    if (push_decorators(c, s->v.classdef.decorator_list) < 0)
        return -1;
    int first = s->loc.lineno;
    if (GP_SEQ_LEN(s->v.classdef.decorator_list)) {
        gp_expr_t *d = GP_SEQ_GET(s->v.classdef.decorator_list, 0);
        first = d->loc.lineno;
    }
    if (gp_cg_enter_scope(c, ste, s->v.classdef.name, first) < 0) {
        gp_cg_exit_scope(c);
        return -1;
    }
    gp_unit_t *u = c->u;
    gp_codepos_t old = gp_cg_set_pos(c, s->loc);
    int r = 0;
    int i = gp_cg_add_name(c, "__name__");
    if (i < 0 || gp_cg_emit(c, GP_OP_LOAD_NAME, (uint32_t)i) < 0
        || store_name_str(c, "__module__") < 0
        || load_const_obj(c, gp_str_from_utf8_sp(u->qualname,
                          (gp_ssize_t)strlen(u->qualname))) < 0
        || store_name_str(c, "__qualname__") < 0)
        r = -1;
    u->pos = old;
    if (r == 0)
        r = compile_body_with_doc(c, s->v.classdef.body);
    if (r == 0 && ste->needs_class_closure) {
        /* __build_class__ fills the __class__ cell from __classcell__. */
        if (gp_cg_emit(c, GP_OP_LOAD_CLOSURE, (uint32_t)u->nvarnames) < 0
            || gp_cg_emit(c, GP_OP_COPY, 1) < 0
            || store_name_str(c, "__classcell__") < 0)
            r = -1;
    } else if (r == 0)
        r = load_none(c);
    if (r == 0)
        r = gp_cg_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_obj_t *code = r == 0 ? gp_cg_assemble(c, u) : NULL;
    gp_cg_exit_scope(c);
    if (!code)
        return c->failed = 1, -1;
    /* The *bases / **kw form calls through CALL_FUNCTION_EX, which takes
    ** no NULL below the callable. */
    if (!gp_cg_call_needs_ex(s->v.classdef.bases, s->v.classdef.keywords))
        EMIT(GP_OP_PUSH_NULL, 0);
    EMIT(GP_OP_LOAD_BUILD_CLASS, 0);
    int flags = gp_cg_make_closure(c, code, 0);
    if (flags < 0) {
        GP_DECREF(code);
        return -1;
    }
    if (load_const_obj(c, code) < 0)
        return -1;
    EMIT(GP_OP_MAKE_FUNCTION, flags);
    if (load_const_obj(c, gp_str_from_utf8_sp(s->v.classdef.name,
                       (gp_ssize_t)strlen(s->v.classdef.name))) < 0)
        return -1;
    if (gp_cg_call_helper(c, 2, s->v.classdef.bases,
                          s->v.classdef.keywords) < 0)
        return -1;
    if (apply_decorators(c, s->v.classdef.decorator_list) < 0)
        return -1;
    return gp_cg_nameop(c, s->v.classdef.name, GP_STORE);
}

static int compile_return(gp_compiler_t *c, gp_stmt_t *s)
{
    if (c->u->ste->type != GP_BLOCK_FUNCTION)
        return gp_cg_error(c, s->loc, "'return' outside function");
    if (s->v.ret.value)
        VISIT(s->v.ret.value);
    else if (load_none(c) < 0)
        return -1;
    if (unwind_fblock_stack(c, 1, NULL) < 0)
        return -1;
    EMIT(GP_OP_RETURN_VALUE, 0);
    return 0;
}

static int compile_break_continue(gp_compiler_t *c, gp_stmt_t *s, int brk)
{
    gp_fblock_t loop = {0};
    int r = unwind_fblock_stack(c, 0, &loop);
    if (r < 0)
        return -1;
    if (r == 0)
        return gp_cg_error(c, s->loc, brk ? "'break' outside loop"
                           : "'continue' not properly in loop");
    if (brk) {
        if (unwind_fblock(c, &loop, 0) < 0)
            return -1;
        EMIT(GP_OP_JUMP_FORWARD, loop.exit);
    } else
        EMIT(GP_OP_JUMP_FORWARD, loop.block);
    return 0;
}

static int compile_for(gp_compiler_t *c, gp_stmt_t *s)
{
    NEWLABEL(start);
    NEWLABEL(cleanup);
    NEWLABEL(end);
    VISIT(s->v.forstmt.iter);
    EMIT(GP_OP_GET_ITER, 0);
    USE(start);
    if (gp_cg_push_fblock(c, GP_FB_FOR_LOOP, start, end, NULL, s->loc) < 0)
        return -1;
    EMIT(GP_OP_FOR_ITER, cleanup);
    if (gp_cg_store(c, s->v.forstmt.target) < 0
        || gp_cg_stmts(c, s->v.forstmt.body) < 0)
        return -1;
    gp_codepos_t old = gp_cg_set_pos(c, s->v.forstmt.iter->loc);
    EMIT(GP_OP_JUMP_FORWARD, start);
    c->u->pos = old;
    gp_cg_pop_fblock(c);
    USE(cleanup);
    if (gp_cg_stmts(c, s->v.forstmt.orelse) < 0)
        return -1;
    USE(end);
    return 0;
}

static int is_const_true(gp_expr_t *e)
{
    if (e->kind != GP_E_CONSTANT)
        return -1;
    gp_const_t *k = &e->v.constant;
    switch (k->kind) {
    case GP_CONST_TRUE: case GP_CONST_ELLIPSIS: return 1;
    case GP_CONST_FALSE: case GP_CONST_NONE: return 0;
    case GP_CONST_STR: case GP_CONST_BYTES: return k->len != 0;
    case GP_CONST_INT: {
        for (const char *p = k->text; *p; p++)
            if (*p != '0' && *p != 'x' && *p != 'X' && *p != 'o' && *p != 'O'
                && *p != 'b' && *p != 'B' && *p != '_')
                return 1;
        return 0;
    }
    default: return -1;
    }
}

static int compile_while(gp_compiler_t *c, gp_stmt_t *s)
{
    NEWLABEL(start);
    NEWLABEL(orelse);
    NEWLABEL(end);
    USE(start);
    if (is_const_true(s->v.whilestmt.test) != 1
        && gp_cg_jump_if(c, s->v.whilestmt.test, orelse, 0) < 0)
        return -1;
    if (gp_cg_push_fblock(c, GP_FB_WHILE_LOOP, start, end, NULL, s->loc) < 0)
        return -1;
    if (gp_cg_stmts(c, s->v.whilestmt.body) < 0)
        return -1;
    EMIT(GP_OP_JUMP_FORWARD, start);
    gp_cg_pop_fblock(c);
    USE(orelse);
    if (gp_cg_stmts(c, s->v.whilestmt.orelse) < 0)
        return -1;
    USE(end);
    return 0;
}

static int compile_if(gp_compiler_t *c, gp_stmt_t *s)
{
    NEWLABEL(next);
    NEWLABEL(end);
    if (gp_cg_jump_if(c, s->v.ifstmt.test, next, 0) < 0
        || gp_cg_stmts(c, s->v.ifstmt.body) < 0)
        return -1;
    if (GP_SEQ_LEN(s->v.ifstmt.orelse)) {
        EMIT(GP_OP_JUMP_FORWARD, end);
        USE(next);
        if (gp_cg_stmts(c, s->v.ifstmt.orelse) < 0)
            return -1;
    } else
        USE(next);
    USE(end);
    return 0;
}

/* The handler of a cleanup block: restore the previous exception and
** re-raise.  [prev exc] */
static int emit_cleanup(gp_compiler_t *c, int label)
{
    USE(label);
    EMIT(GP_OP_SWAP, 2);
    EMIT(GP_OP_POP_EXCEPT, 0);
    EMIT(GP_OP_RERAISE, 0);
    return 0;
}

static int compile_try_except(gp_compiler_t *c, gp_stmt_t *s)
{
    NEWLABEL(except);
    NEWLABEL(cleanup);
    NEWLABEL(end);
    EMIT(GP_OP_SETUP_FINALLY, except);
    if (gp_cg_push_fblock(c, GP_FB_TRY_EXCEPT, -1, -1, NULL, s->loc) < 0
        || gp_cg_stmts(c, s->v.trystmt.body) < 0)
        return -1;
    gp_cg_pop_fblock(c);
    EMIT(GP_OP_POP_BLOCK, 0);
    if (gp_cg_stmts(c, s->v.trystmt.orelse) < 0)
        return -1;
    EMIT(GP_OP_JUMP_FORWARD, end);
    USE(except);                                /* [exc] */
    EMIT(GP_OP_SETUP_FINALLY, cleanup);
    EMIT(GP_OP_PUSH_EXC_INFO, 0);               /* [prev exc] */
    int n = GP_SEQ_LEN(s->v.trystmt.handlers);
    for (int i = 0; i < n; i++) {
        gp_excepthandler_t *h = GP_SEQ_GET(s->v.trystmt.handlers, i);
        gp_codepos_t old = gp_cg_set_pos(c, h->loc);
        NEWLABEL(next);
        if (h->type) {
            /* CHECK_EXC_MATCH keeps the exception: [exc type] -> [exc bool] */
            VISIT(h->type);
            EMIT(GP_OP_CHECK_EXC_MATCH, 0);
            EMIT(GP_OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            NEWLABEL(name_cleanup);
            if (gp_cg_nameop(c, h->name, GP_STORE) < 0)
                return -1;
            EMIT(GP_OP_SETUP_FINALLY, name_cleanup);
            if (gp_cg_push_fblock(c, GP_FB_HANDLER_CLEANUP, -1, -1, h->name,
                                  h->loc) < 0
                || gp_cg_stmts(c, h->body) < 0)
                return -1;
            gp_cg_pop_fblock(c);
            c->u->pos = old;
            EMIT(GP_OP_POP_BLOCK, 0);
            EMIT(GP_OP_POP_BLOCK, 0);
            EMIT(GP_OP_POP_EXCEPT, 0);
            if (clear_handler_name(c, h->name) < 0)
                return -1;
            EMIT(GP_OP_JUMP_FORWARD, end);
            USE(name_cleanup);                  /* [prev exc2] */
            if (clear_handler_name(c, h->name) < 0)
                return -1;
            EMIT(GP_OP_RERAISE, 0);
        } else {
            EMIT(GP_OP_POP_TOP, 0);             /* [prev] */
            if (gp_cg_push_fblock(c, GP_FB_HANDLER_CLEANUP, -1, -1, NULL,
                                  h->loc) < 0
                || gp_cg_stmts(c, h->body) < 0)
                return -1;
            gp_cg_pop_fblock(c);
            c->u->pos = old;
            EMIT(GP_OP_POP_BLOCK, 0);
            EMIT(GP_OP_POP_EXCEPT, 0);
            EMIT(GP_OP_JUMP_FORWARD, end);
        }
        USE(next);
        c->u->pos = old;
    }
    EMIT(GP_OP_RERAISE, 0);                     /* no handler matched */
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    USE(end);
    return 0;
}

static int compile_try(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_ast_seq_t *fin = s->v.trystmt.finalbody;
    if (!GP_SEQ_LEN(fin))
        return compile_try_except(c, s);
    NEWLABEL(fexc);
    NEWLABEL(cleanup);
    NEWLABEL(end);
    EMIT(GP_OP_SETUP_FINALLY, fexc);
    if (gp_cg_push_fblock(c, GP_FB_FINALLY_TRY, -1, -1, fin, s->loc) < 0)
        return -1;
    if (GP_SEQ_LEN(s->v.trystmt.handlers)) {
        if (compile_try_except(c, s) < 0)
            return -1;
    } else if (gp_cg_stmts(c, s->v.trystmt.body) < 0)
        return -1;
    gp_cg_pop_fblock(c);
    EMIT(GP_OP_POP_BLOCK, 0);
    if (gp_cg_stmts(c, fin) < 0)
        return -1;
    EMIT(GP_OP_JUMP_FORWARD, end);
    USE(fexc);                                  /* [exc] */
    EMIT(GP_OP_SETUP_FINALLY, cleanup);
    EMIT(GP_OP_PUSH_EXC_INFO, 0);               /* [prev exc] */
    if (gp_cg_push_fblock(c, GP_FB_FINALLY_END, -1, -1, NULL, s->loc) < 0
        || gp_cg_stmts(c, fin) < 0)
        return -1;
    gp_cg_pop_fblock(c);
    EMIT(GP_OP_RERAISE, 0);                     /* through the cleanup */
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    USE(end);
    return 0;
}

static int compile_with(gp_compiler_t *c, gp_stmt_t *s, int item)
{
    gp_withitem_t *it = GP_SEQ_GET(s->v.with.items, item);
    NEWLABEL(exc);
    NEWLABEL(suppress);
    NEWLABEL(cleanup);
    NEWLABEL(end);
    VISIT(it->context_expr);
    gp_codepos_t old = gp_cg_set_pos(c, it->context_expr->loc);
    EMIT(GP_OP_BEFORE_WITH, 0);                 /* [exit res] */
    EMIT(GP_OP_SETUP_FINALLY, exc);
    c->u->pos = old;
    if (gp_cg_push_fblock(c, GP_FB_WITH, -1, -1, NULL, s->loc) < 0)
        return -1;
    if (it->optional_vars) {
        if (gp_cg_store(c, it->optional_vars) < 0)
            return -1;
    } else
        EMIT(GP_OP_POP_TOP, 0);
    if (item + 1 < GP_SEQ_LEN(s->v.with.items)) {
        if (compile_with(c, s, item + 1) < 0)
            return -1;
    } else if (gp_cg_stmts(c, s->v.with.body) < 0)
        return -1;
    gp_cg_pop_fblock(c);
    old = gp_cg_set_pos(c, s->loc);
    EMIT(GP_OP_POP_BLOCK, 0);
    if (emit_exit_call(c) < 0)
        return -1;
    EMIT(GP_OP_JUMP_FORWARD, end);
    USE(exc);                                   /* [exit exc] */
    EMIT(GP_OP_SETUP_FINALLY, cleanup);
    EMIT(GP_OP_PUSH_EXC_INFO, 0);               /* [exit prev exc] */
    EMIT(GP_OP_WITH_EXCEPT_START, 0);           /* [exit prev exc res] */
    EMIT(GP_OP_POP_JUMP_IF_TRUE, suppress);
    EMIT(GP_OP_RERAISE, 0);
    USE(suppress);
    EMIT(GP_OP_POP_TOP, 0);
    EMIT(GP_OP_POP_BLOCK, 0);
    EMIT(GP_OP_POP_EXCEPT, 0);
    EMIT(GP_OP_POP_TOP, 0);
    EMIT(GP_OP_JUMP_FORWARD, end);
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    USE(end);
    c->u->pos = old;
    return 0;
}

static int compile_import(gp_compiler_t *c, gp_stmt_t *s)
{
    for (int i = 0; i < GP_SEQ_LEN(s->v.import.names); i++) {
        gp_alias_t *al = GP_SEQ_GET(s->v.import.names, i);
        /* 3.11 places the whole statement on the import, not the alias */
        gp_codepos_t old = c->u->pos;
        if (load_const_obj(c, gp_int_from_i64(0)) < 0 || load_none(c) < 0)
            return -1;
        int ni = gp_cg_add_name(c, al->name);
        if (ni < 0)
            return -1;
        EMIT(GP_OP_IMPORT_NAME, ni);
        if (al->asname) {
            /* import a.b.c as d: d is the submodule a.b.c */
            const char *p = strchr(al->name, '.');
            while (p) {
                const char *q = strchr(p + 1, '.');
                size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
                char *part = gp_arena_strdup(c->st->arena, p + 1, len);
                if (!part)
                    return gp_cg_nomem(c);
                int pi = gp_cg_add_name(c, part);
                if (pi < 0)
                    return -1;
                EMIT(GP_OP_IMPORT_FROM, pi);
                EMIT(GP_OP_SWAP, 2);
                EMIT(GP_OP_POP_TOP, 0);
                p = q;
            }
            if (gp_cg_nameop(c, al->asname, GP_STORE) < 0)
                return -1;
        } else {
            const char *dot = strchr(al->name, '.');
            const char *store = al->name;
            if (dot && !(store = gp_arena_strdup(c->st->arena, al->name,
                                                 (size_t)(dot - al->name))))
                return gp_cg_nomem(c);
            if (gp_cg_nameop(c, store, GP_STORE) < 0)
                return -1;
        }
        c->u->pos = old;
    }
    return 0;
}

static int compile_importfrom(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_ast_seq_t *names = s->v.importfrom.names;
    int n = GP_SEQ_LEN(names);
    if (load_const_obj(c, gp_int_from_i64(s->v.importfrom.level)) < 0)
        return -1;
    gp_obj_t *fromlist = gp_tuple_new(n);
    if (!fromlist)
        return c->failed = 1, -1;
    for (int i = 0; i < n; i++) {
        gp_alias_t *al = GP_SEQ_GET(names, i);
        gp_obj_t *nm = gp_str_from_utf8_sp(al->name, (gp_ssize_t)strlen(al->name));
        if (!nm) {
            GP_DECREF(fromlist);
            return c->failed = 1, -1;
        }
        GP_TUPLE_SET(fromlist, i, nm);
    }
    if (load_const_obj(c, fromlist) < 0)
        return -1;
    int mi = gp_cg_add_name(c, s->v.importfrom.module ? s->v.importfrom.module
                                                      : "");
    if (mi < 0)
        return -1;
    EMIT(GP_OP_IMPORT_NAME, mi);
    for (int i = 0; i < n; i++) {
        gp_alias_t *al = GP_SEQ_GET(names, i);
        gp_codepos_t old = gp_cg_set_pos(c, al->loc);
        if (!strcmp(al->name, "*")) {
            EMIT(GP_OP_IMPORT_STAR, 0);
            c->u->pos = old;
            return 0;
        }
        int ai = gp_cg_add_name(c, al->name);
        if (ai < 0)
            return -1;
        EMIT(GP_OP_IMPORT_FROM, ai);
        if (gp_cg_nameop(c, al->asname ? al->asname : al->name, GP_STORE) < 0)
            return -1;
        c->u->pos = old;
    }
    EMIT(GP_OP_POP_TOP, 0);
    return 0;
}

static int binop_arg(gp_operator_t op)
{
    switch (op) {
    case GP_ADD: return GP_NB_ADD;
    case GP_SUB: return GP_NB_SUBTRACT;
    case GP_MULT: return GP_NB_MULTIPLY;
    case GP_MATMULT: return GP_NB_MATMUL;
    case GP_DIV: return GP_NB_TRUE_DIVIDE;
    case GP_MOD: return GP_NB_REMAINDER;
    case GP_POW: return GP_NB_POWER;
    case GP_LSHIFT: return GP_NB_LSHIFT;
    case GP_RSHIFT: return GP_NB_RSHIFT;
    case GP_BITOR: return GP_NB_OR;
    case GP_BITXOR: return GP_NB_XOR;
    case GP_BITAND: return GP_NB_AND;
    case GP_FLOORDIV: return GP_NB_FLOOR_DIVIDE;
    }
    return GP_NB_ADD;
}

int gp_cg_binop_arg(gp_operator_t op)
{
    return binop_arg(op);
}

static int compile_augassign(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_expr_t *t = s->v.augassign.target;
    int op = binop_arg(s->v.augassign.op) + GP_NB_INPLACE;
    gp_codepos_t old;
    switch (t->kind) {
    case GP_E_NAME:
        old = gp_cg_set_pos(c, t->loc);
        if (gp_cg_nameop(c, t->v.name.id, GP_LOAD) < 0)
            return -1;
        c->u->pos = old;
        VISIT(s->v.augassign.value);
        EMIT(GP_OP_BINARY_OP, op);
        old = gp_cg_set_pos(c, t->loc);
        if (gp_cg_nameop(c, t->v.name.id, GP_STORE) < 0)
            return -1;
        c->u->pos = old;
        return 0;
    case GP_E_ATTRIBUTE: {
        const char *m = gp_cg_mangle(c, t->v.attribute.attr);
        int ai = m ? gp_cg_add_name(c, m) : -1;
        if (ai < 0)
            return -1;
        VISIT(t->v.attribute.value);
        old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_COPY, 1);
        EMIT(GP_OP_LOAD_ATTR, ai);
        c->u->pos = old;
        VISIT(s->v.augassign.value);
        EMIT(GP_OP_BINARY_OP, op);
        old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_SWAP, 2);
        EMIT(GP_OP_STORE_ATTR, ai);
        c->u->pos = old;
        return 0;
    }
    case GP_E_SUBSCRIPT:
        VISIT(t->v.subscript.value);
        VISIT(t->v.subscript.slice);
        old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_COPY, 2);
        EMIT(GP_OP_COPY, 2);
        EMIT(GP_OP_BINARY_SUBSCR, 0);
        c->u->pos = old;
        VISIT(s->v.augassign.value);
        EMIT(GP_OP_BINARY_OP, op);
        old = gp_cg_set_pos(c, t->loc);
        EMIT(GP_OP_SWAP, 3);
        EMIT(GP_OP_SWAP, 2);
        EMIT(GP_OP_STORE_SUBSCR, 0);
        c->u->pos = old;
        return 0;
    default:
        return gp_cg_error(c, t->loc, "illegal expression for augmented "
                           "assignment");
    }
}

static int compile_annassign(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_expr_t *t = s->v.annassign.target;
    int top = c->u->ste->type != GP_BLOCK_FUNCTION;
    if (s->v.annassign.value) {
        VISIT(s->v.annassign.value);
        if (gp_cg_store(c, t) < 0)
            return -1;
    }
    if (t->kind == GP_E_NAME && s->v.annassign.simple) {
        if (!top)
            return 0;
        /* __annotations__[name] = annotation, as CPython 3.11 */
        VISIT(s->v.annassign.annotation);
        int ai = gp_cg_add_name(c, "__annotations__");
        if (ai < 0)
            return -1;
        EMIT(GP_OP_LOAD_NAME, ai);
        const char *m = gp_cg_mangle(c, t->v.name.id);
        if (!m || load_const_obj(c, gp_str_from_utf8_sp(m,
                                 (gp_ssize_t)strlen(m))) < 0)
            return -1;
        EMIT(GP_OP_STORE_SUBSCR, 0);
        return 0;
    }
    if (!s->v.annassign.value) {
        /* The target's parts are still evaluated. */
        if (t->kind == GP_E_ATTRIBUTE) {
            VISIT(t->v.attribute.value);
            EMIT(GP_OP_POP_TOP, 0);
        } else if (t->kind == GP_E_SUBSCRIPT) {
            VISIT(t->v.subscript.value);
            EMIT(GP_OP_POP_TOP, 0);
            VISIT(t->v.subscript.slice);
            EMIT(GP_OP_POP_TOP, 0);
        }
    }
    if (top) {
        VISIT(s->v.annassign.annotation);
        EMIT(GP_OP_POP_TOP, 0);
    }
    return 0;
}

static int compile_assert(gp_compiler_t *c, gp_stmt_t *s)
{
    NEWLABEL(end);
    if (gp_cg_jump_if(c, s->v.assertstmt.test, end, 1) < 0)
        return -1;
    EMIT(GP_OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.assertstmt.msg) {
        VISIT(s->v.assertstmt.msg);
        /* [AssertionError msg]: CALL 0 with a non-NULL "self" slot calls
        ** AssertionError(msg). */
        EMIT(GP_OP_CALL, 0);
    }
    /* 3.11 points the failed assert at its test expression */
    gp_codepos_t old = gp_cg_set_pos(c, s->v.assertstmt.test->loc);
    EMIT(GP_OP_RAISE_VARARGS, 1);
    c->u->pos = old;
    USE(end);
    return 0;
}

static int has_starred(gp_ast_seq_t *elts)
{
    for (int i = 0; i < GP_SEQ_LEN(elts); i++)
        if (((gp_expr_t *)GP_SEQ_GET(elts, i))->kind == GP_E_STARRED)
            return 1;
    return 0;
}

/* `a, b = x, y` (two or three names each side): the values go on the
** stack and SWAP puts them in store order, with no tuple built and
** unpacked (CPython does the same).  Returns 1 when it compiled the
** statement (*r its result), 0 when the general path must. */
static int swap_assign(gp_compiler_t *c, gp_expr_t *target, gp_expr_t *value,
                       int *r)
{
    if ((target->kind != GP_E_TUPLE && target->kind != GP_E_LIST) ||
        value->kind != GP_E_TUPLE)
        return 0;
    int k = GP_SEQ_LEN(target->v.seq.elts);
    if ((k != 2 && k != 3) || GP_SEQ_LEN(value->v.seq.elts) != k ||
        has_starred(target->v.seq.elts) || has_starred(value->v.seq.elts))
        return 0;
    *r = 0;
    for (int i = 0; *r == 0 && i < k; i++)
        *r = gp_cg_expr(c, GP_SEQ_GET(value->v.seq.elts, i));
    if (*r == 0)
        *r = gp_cg_emit(c, GP_OP_SWAP, k);
    for (int i = 0; *r == 0 && i < k; i++)
        *r = gp_cg_store(c, GP_SEQ_GET(target->v.seq.elts, i));
    return 1;
}

static int compile_stmt(gp_compiler_t *c, gp_stmt_t *s)
{
    gp_codepos_t old = gp_cg_set_pos(c, s->loc);
    int r = 0;
    switch (s->kind) {
    case GP_S_FUNCTIONDEF: r = compile_funcdef(c, s); break;
    case GP_S_CLASSDEF: r = compile_classdef(c, s); break;
    case GP_S_RETURN: r = compile_return(c, s); break;
    case GP_S_DELETE:
        for (int i = 0; r == 0 && i < GP_SEQ_LEN(s->v.del.targets); i++)
            r = gp_cg_delete(c, GP_SEQ_GET(s->v.del.targets, i));
        break;
    case GP_S_ASSIGN: {
        int n = GP_SEQ_LEN(s->v.assign.targets);
        if (n == 1 && swap_assign(c, GP_SEQ_GET(s->v.assign.targets, 0),
                                  s->v.assign.value, &r))
            break;
        r = gp_cg_expr(c, s->v.assign.value);
        for (int i = 0; r == 0 && i < n; i++) {
            if (i < n - 1)
                r = gp_cg_emit(c, GP_OP_COPY, 1);
            if (r == 0)
                r = gp_cg_store(c, GP_SEQ_GET(s->v.assign.targets, i));
        }
        break;
    }
    case GP_S_AUGASSIGN: r = compile_augassign(c, s); break;
    case GP_S_ANNASSIGN: r = compile_annassign(c, s); break;
    case GP_S_FOR: r = compile_for(c, s); break;
    case GP_S_WHILE: r = compile_while(c, s); break;
    case GP_S_IF: r = compile_if(c, s); break;
    case GP_S_WITH: r = compile_with(c, s, 0); break;
    case GP_S_RAISE: {
        int n = 0;
        if (s->v.raise.exc) {
            r = gp_cg_expr(c, s->v.raise.exc);
            n = 1;
            if (r == 0 && s->v.raise.cause) {
                r = gp_cg_expr(c, s->v.raise.cause);
                n = 2;
            }
        }
        if (r == 0)
            r = gp_cg_emit(c, GP_OP_RAISE_VARARGS, (uint32_t)n);
        break;
    }
    case GP_S_TRY: r = compile_try(c, s); break;
    case GP_S_ASSERT: r = compile_assert(c, s); break;
    case GP_S_IMPORT: r = compile_import(c, s); break;
    case GP_S_IMPORTFROM: r = compile_importfrom(c, s); break;
    case GP_S_GLOBAL: case GP_S_NONLOCAL: case GP_S_PASS:
        break;
    case GP_S_EXPR: {
        gp_expr_t *v = s->v.expr.value;
        if (c->interactive && c->u->ste->type == GP_BLOCK_MODULE
            && c->u->nfblocks == 0 && !c->u->parent) {
            r = gp_cg_expr(c, v);
            if (r == 0)
                r = gp_cg_emit(c, GP_OP_PRINT_EXPR, 0);
            break;
        }
        if (v->kind == GP_E_CONSTANT)
            break;          /* no effect (docstrings, "...") */
        r = gp_cg_expr(c, v);
        if (r == 0)
            r = gp_cg_emit(c, GP_OP_POP_TOP, 0);
        break;
    }
    case GP_S_BREAK: r = compile_break_continue(c, s, 1); break;
    case GP_S_CONTINUE: r = compile_break_continue(c, s, 0); break;
    }
    c->u->pos = old;
    return r;
}

int gp_cg_stmts(gp_compiler_t *c, gp_ast_seq_t *body)
{
    for (int i = 0; i < GP_SEQ_LEN(body); i++)
        if (compile_stmt(c, GP_SEQ_GET(body, i)) < 0)
            return -1;
    return 0;
}

/* The module's code: "exec", "single" or "eval". */
gp_obj_t *gp_cg_module(gp_compiler_t *c, gp_mod_t *mod)
{
    if (gp_cg_enter_scope(c, c->st->top, "<module>", 1) < 0) {
        gp_cg_exit_scope(c);
        return NULL;
    }
    c->u->pos.col = c->u->pos.end_col = 0;
    int r;
    if (mod->kind == GP_MOD_EXPRESSION) {
        c->u->pos.line = c->u->pos.end_line = mod->expr->loc.lineno;
        r = gp_cg_expr(c, mod->expr);
    } else {
        c->interactive = mod->kind == GP_MOD_INTERACTIVE;
        if (GP_SEQ_LEN(mod->body)) {
            gp_stmt_t *s0 = GP_SEQ_GET(mod->body, 0);
            c->u->pos.line = c->u->pos.end_line = s0->loc.lineno;
        }
        r = compile_body_with_doc(c, mod->body);
        if (r == 0)
            r = load_none(c);
    }
    if (r == 0)
        r = gp_cg_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_obj_t *code = r == 0 ? gp_cg_assemble(c, c->u) : NULL;
    gp_cg_exit_scope(c);
    return code;
}
