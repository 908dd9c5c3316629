/*
** symtable.c — scope analysis (CPython's symtable.c algorithm, our own
** code): a first pass records, per scope, how each name is used; a second
** pass resolves each name to local / global / free / cell, passing bound
** names down and free names up the scope tree.  Owned by one compilation;
** no shared state.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "compile/symtable.h"

/* ---------------- string hashing ---------------- */

static unsigned str_hash(const char *s)
{
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* A small set of names (pointers to strings owned elsewhere). */
typedef struct {
    const char **items;
    int n, cap;             /* cap: power of two, slots */
} strset_t;

static int set_find(const strset_t *s, const char *name)
{
    if (!s || !s->cap)
        return -1;
    unsigned m = (unsigned)s->cap - 1, i = str_hash(name) & m;
    while (s->items[i]) {
        if (s->items[i] != (const char *)1 && !strcmp(s->items[i], name))
            return (int)i;
        i = (i + 1) & m;
    }
    return -1;
}

static int set_has(const strset_t *s, const char *name)
{
    return set_find(s, name) >= 0;
}

static int set_add(strset_t *s, const char *name);

static int set_grow(strset_t *s)
{
    strset_t ns = {0};
    ns.cap = s->cap ? s->cap * 2 : 16;
    ns.items = calloc((size_t)ns.cap, sizeof(char *));
    if (!ns.items)
        return -1;
    for (int i = 0; i < s->cap; i++)
        if (s->items[i] && s->items[i] != (const char *)1)
            set_add(&ns, s->items[i]);
    free(s->items);
    *s = ns;
    return 0;
}

static int set_add(strset_t *s, const char *name)
{
    if (set_has(s, name))
        return 0;
    if ((s->n + 1) * 2 > s->cap && set_grow(s) < 0)
        return -1;
    unsigned m = (unsigned)s->cap - 1, i = str_hash(name) & m;
    while (s->items[i] && s->items[i] != (const char *)1)
        i = (i + 1) & m;
    s->items[i] = name;
    s->n++;
    return 0;
}

static void set_discard(strset_t *s, const char *name)
{
    int i = set_find(s, name);
    if (i >= 0) {
        s->items[i] = (const char *)1;      /* tombstone */
        s->n--;
    }
}

static int set_update(strset_t *s, const strset_t *o)
{
    if (!o)
        return 0;
    for (int i = 0; i < o->cap; i++)
        if (o->items[i] && o->items[i] != (const char *)1
            && set_add(s, o->items[i]) < 0)
            return -1;
    return 0;
}

static void set_clear(strset_t *s)
{
    free(s->items);
    s->items = NULL;
    s->n = s->cap = 0;
}

/* ---------------- scopes ---------------- */

gp_sym_t *gp_ste_lookup(gp_ste_t *ste, const char *name)
{
    if (!ste->hashcap)
        return NULL;
    unsigned m = (unsigned)ste->hashcap - 1, i = str_hash(name) & m;
    while (ste->hash[i]) {
        gp_sym_t *s = &ste->syms[ste->hash[i] - 1];
        if (!strcmp(s->name, name))
            return s;
        i = (i + 1) & m;
    }
    return NULL;
}

int gp_ste_scope(gp_ste_t *ste, const char *name)
{
    gp_sym_t *s = gp_ste_lookup(ste, name);
    return s ? s->scope : GP_SCOPE_NONE;
}

static int ste_rehash(gp_ste_t *ste)
{
    int cap = ste->hashcap ? ste->hashcap * 2 : 16;
    int *h = calloc((size_t)cap, sizeof(int));
    if (!h)
        return -1;
    for (int k = 0; k < ste->nsyms; k++) {
        unsigned m = (unsigned)cap - 1, i = str_hash(ste->syms[k].name) & m;
        while (h[i])
            i = (i + 1) & m;
        h[i] = k + 1;
    }
    free(ste->hash);
    ste->hash = h;
    ste->hashcap = cap;
    return 0;
}

static gp_sym_t *ste_add(gp_ste_t *ste, const char *name)
{
    gp_sym_t *s = gp_ste_lookup(ste, name);
    if (s)
        return s;
    if (ste->nsyms == ste->capsyms) {
        int cap = ste->capsyms ? ste->capsyms * 2 : 8;
        gp_sym_t *ns = realloc(ste->syms, (size_t)cap * sizeof(gp_sym_t));
        if (!ns)
            return NULL;
        ste->syms = ns;
        ste->capsyms = cap;
    }
    if ((ste->nsyms + 1) * 2 > ste->hashcap) {
        if (ste_rehash(ste) < 0)
            return NULL;
    }
    s = &ste->syms[ste->nsyms++];
    memset(s, 0, sizeof *s);
    s->name = name;
    unsigned m = (unsigned)ste->hashcap - 1, i = str_hash(name) & m;
    while (ste->hash[i])
        i = (i + 1) & m;
    ste->hash[i] = ste->nsyms;
    return s;
}

gp_ste_t *gp_ste_child(gp_ste_t *parent, const void *node)
{
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->node == node)
            return parent->children[i];
    return NULL;
}

static void ste_free(gp_ste_t *ste)
{
    for (int i = 0; i < ste->nchildren; i++)
        ste_free(ste->children[i]);
    free(ste->children);
    free(ste->syms);
    free(ste->hash);
    free(ste->params);
    free(ste);
}

void gp_symtable_free(gp_symtable_t *st)
{
    if (!st)
        return;
    if (st->top)
        ste_free(st->top);
    if (st->arena)
        gp_arena_free(st->arena);
    free(st);
}

const char *gp_mangle(gp_arena_t *a, const char *priv, const char *name)
{
    size_t n = strlen(name);
    if (!priv || n < 2 || name[0] != '_' || name[1] != '_')
        return name;
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_')
        || strchr(name, '.'))
        return name;
    while (*priv == '_')
        priv++;
    if (!*priv)
        return name;            /* class name all underscores */
    size_t pn = strlen(priv);
    char *r = gp_arena_alloc(a, pn + n + 2);
    if (!r)
        return NULL;
    r[0] = '_';
    memcpy(r + 1, priv, pn);
    memcpy(r + 1 + pn, name, n + 1);
    return r;
}

/* ---------------- pass 1: recording uses ---------------- */

typedef struct {
    gp_symtable_t *st;
    gp_ste_t *cur;
    int in_comp_target;     /* visiting a comprehension's for-target */
} walker_t;

#define ERR_RET(w)  do { if ((w)->st->failed) return -1; } while (0)

static int st_error(walker_t *w, gp_loc_t loc, const char *fmt, ...)
{
    if (!w->st->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(w->st->errmsg, sizeof w->st->errmsg, fmt, ap);
        va_end(ap);
        w->st->errloc = loc;
        w->st->failed = 1;
    }
    return -1;
}

static int st_nomem(walker_t *w)
{
    if (!w->st->failed)
        w->st->failed = 2;
    return -1;
}

static gp_ste_t *enter(walker_t *w, gp_block_kind_t type, const char *name,
                       const void *node, gp_loc_t loc)
{
    gp_ste_t *ste = calloc(1, sizeof *ste);
    if (!ste) {
        st_nomem(w);
        return NULL;
    }
    ste->type = type;
    ste->name = name;
    ste->node = node;
    ste->loc = loc;
    ste->parent = w->cur;
    if (w->cur) {
        gp_ste_t *p = w->cur;
        if (p->nchildren == p->capchildren) {
            int cap = p->capchildren ? p->capchildren * 2 : 4;
            gp_ste_t **nc = realloc(p->children, (size_t)cap * sizeof *nc);
            if (!nc) {
                free(ste);
                st_nomem(w);
                return NULL;
            }
            p->children = nc;
            p->capchildren = cap;
        }
        p->children[p->nchildren++] = ste;
        ste->private_name = p->type == GP_BLOCK_CLASS ? p->name
                                                       : p->private_name;
        if (type == GP_BLOCK_FUNCTION && p->type == GP_BLOCK_CLASS)
            ste->in_class_method = 1;
    }
    w->cur = ste;
    return ste;
}

static int add_def_in(walker_t *w, gp_ste_t *ste, const char *name, int flag,
                      gp_loc_t loc)
{
    const char *m = gp_mangle(w->st->arena, ste->private_name, name);
    if (!m)
        return st_nomem(w);
    gp_sym_t *s = gp_ste_lookup(ste, m);
    if (s && (flag & GP_DEF_PARAM) && (s->flags & GP_DEF_PARAM))
        return st_error(w, loc, "duplicate argument '%s' in function "
                        "definition", m);
    if (!s && !(s = ste_add(ste, m)))
        return st_nomem(w);
    s->flags |= flag;
    if (flag & GP_DEF_PARAM) {
        if (ste->nparams == ste->capparams) {
            int cap = ste->capparams ? ste->capparams * 2 : 8;
            const char **np = realloc(ste->params, (size_t)cap * sizeof *np);
            if (!np)
                return st_nomem(w);
            ste->params = np;
            ste->capparams = cap;
        }
        ste->params[ste->nparams++] = m;
    }
    return 0;
}

static int add_def(walker_t *w, const char *name, int flag, gp_loc_t loc)
{
    return add_def_in(w, w->cur, name, flag, loc);
}

static int visit_expr(walker_t *w, gp_expr_t *e);
static int visit_stmts(walker_t *w, gp_ast_seq_t *body);

static int visit_exprs(walker_t *w, gp_ast_seq_t *seq)
{
    for (int i = 0; i < GP_SEQ_LEN(seq); i++) {
        gp_expr_t *e = GP_SEQ_GET(seq, i);
        if (e && visit_expr(w, e) < 0)
            return -1;
    }
    return 0;
}

static int visit_params(walker_t *w, gp_arguments_t *a)
{
    gp_ast_seq_t *lists[2] = {a->posonlyargs, a->args};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < GP_SEQ_LEN(lists[k]); i++) {
            gp_arg_t *arg = GP_SEQ_GET(lists[k], i);
            if (add_def(w, arg->arg, GP_DEF_PARAM, arg->loc) < 0)
                return -1;
        }
    for (int i = 0; i < GP_SEQ_LEN(a->kwonlyargs); i++) {
        gp_arg_t *arg = GP_SEQ_GET(a->kwonlyargs, i);
        if (add_def(w, arg->arg, GP_DEF_PARAM, arg->loc) < 0)
            return -1;
    }
    if (a->vararg && add_def(w, a->vararg->arg, GP_DEF_PARAM,
                             a->vararg->loc) < 0)
        return -1;
    if (a->kwarg && add_def(w, a->kwarg->arg, GP_DEF_PARAM,
                            a->kwarg->loc) < 0)
        return -1;
    return 0;
}

/* Annotations of the parameters are evaluated in the enclosing scope. */
static int visit_annotations(walker_t *w, gp_arguments_t *a, gp_expr_t *ret)
{
    gp_ast_seq_t *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < GP_SEQ_LEN(lists[k]); i++) {
            gp_arg_t *arg = GP_SEQ_GET(lists[k], i);
            if (arg->annotation && visit_expr(w, arg->annotation) < 0)
                return -1;
        }
    if (a->vararg && a->vararg->annotation
        && visit_expr(w, a->vararg->annotation) < 0)
        return -1;
    if (a->kwarg && a->kwarg->annotation
        && visit_expr(w, a->kwarg->annotation) < 0)
        return -1;
    if (ret && visit_expr(w, ret) < 0)
        return -1;
    return 0;
}

static int visit_defaults(walker_t *w, gp_arguments_t *a)
{
    if (visit_exprs(w, a->defaults) < 0)
        return -1;
    return visit_exprs(w, a->kw_defaults);
}

static const char *comp_desc(int kind)
{
    switch (kind) {
    case GP_E_LISTCOMP: return "list comprehension";
    case GP_E_SETCOMP: return "set comprehension";
    case GP_E_DICTCOMP: return "dict comprehension";
    default: return "generator expression";
    }
}

/* A comprehension is a function: its first iterable is evaluated outside
** (and passed in as ".0"), everything else inside. */
static int visit_comprehension(walker_t *w, gp_expr_t *e)
{
    gp_ast_seq_t *gens = e->v.comp.generators;
    gp_comprehension_t *first = GP_SEQ_GET(gens, 0);
    if (visit_expr(w, first->iter) < 0)
        return -1;
    const char *name = e->kind == GP_E_LISTCOMP ? "<listcomp>"
        : e->kind == GP_E_SETCOMP ? "<setcomp>"
        : e->kind == GP_E_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    gp_ste_t *outer = w->cur;
    gp_ste_t *ste = enter(w, GP_BLOCK_FUNCTION, name, e, e->loc);
    if (!ste)
        return -1;
    ste->is_comprehension = 1;
    ste->comp_kind = e->kind;
    if (e->kind == GP_E_GENERATOREXP)
        ste->is_generator = ste->is_genexp = 1;
    if (add_def(w, ".0", GP_DEF_PARAM, e->loc) < 0)
        return -1;
    for (int i = 0; i < GP_SEQ_LEN(gens); i++) {
        gp_comprehension_t *g = GP_SEQ_GET(gens, i);
        if (i > 0 && visit_expr(w, g->iter) < 0)
            return -1;
        w->in_comp_target = 1;
        int r = visit_expr(w, g->target);
        w->in_comp_target = 0;
        if (r < 0)
            return -1;
        if (visit_exprs(w, g->ifs) < 0)
            return -1;
    }
    if (e->kind == GP_E_DICTCOMP) {
        if (visit_expr(w, e->v.comp.key) < 0
            || visit_expr(w, e->v.comp.value) < 0)
            return -1;
    } else if (visit_expr(w, e->v.comp.elt) < 0)
        return -1;
    w->cur = outer;
    return 0;
}

static int visit_namedexpr_target(walker_t *w, gp_expr_t *e)
{
    gp_expr_t *t = e->v.namedexpr.target;
    const char *name = t->v.name.id;
    if (!w->cur->is_comprehension)
        return add_def(w, name, GP_DEF_LOCAL, t->loc);
    for (gp_ste_t *s = w->cur; s; s = s->parent) {
        if (s->is_comprehension) {
            gp_sym_t *sym = gp_ste_lookup(s, name);
            if (sym && (sym->flags & GP_DEF_COMP_ITER))
                return st_error(w, t->loc, "assignment expression cannot "
                                "rebind comprehension iteration variable "
                                "'%s'", name);
            continue;
        }
        if (s->type == GP_BLOCK_FUNCTION) {
            if (add_def(w, name, GP_DEF_NONLOCAL, t->loc) < 0)
                return -1;
            return add_def_in(w, s, name, GP_DEF_LOCAL, t->loc);
        }
        if (s->type == GP_BLOCK_MODULE) {
            if (add_def(w, name, GP_DEF_GLOBAL, t->loc) < 0)
                return -1;
            return add_def_in(w, s, name, GP_DEF_GLOBAL, t->loc);
        }
        return st_error(w, t->loc, "assignment expression within a "
                        "comprehension cannot be used in a class body");
    }
    return 0;
}

static int visit_expr(walker_t *w, gp_expr_t *e)
{
    switch (e->kind) {
    case GP_E_BOOLOP:
        return visit_exprs(w, e->v.boolop.values);
    case GP_E_NAMEDEXPR:
        if (visit_expr(w, e->v.namedexpr.value) < 0)
            return -1;
        return visit_namedexpr_target(w, e);
    case GP_E_BINOP:
        if (visit_expr(w, e->v.binop.left) < 0)
            return -1;
        return visit_expr(w, e->v.binop.right);
    case GP_E_UNARYOP:
        return visit_expr(w, e->v.unaryop.operand);
    case GP_E_LAMBDA: {
        gp_arguments_t *a = e->v.lambda.args;
        if (visit_defaults(w, a) < 0)
            return -1;
        gp_ste_t *outer = w->cur;
        gp_ste_t *ste = enter(w, GP_BLOCK_FUNCTION, "<lambda>", e, e->loc);
        if (!ste)
            return -1;
        ste->is_lambda = 1;
        if (visit_params(w, a) < 0 || visit_expr(w, e->v.lambda.body) < 0)
            return -1;
        w->cur = outer;
        return 0;
    }
    case GP_E_IFEXP:
        if (visit_expr(w, e->v.ifexp.test) < 0
            || visit_expr(w, e->v.ifexp.body) < 0)
            return -1;
        return visit_expr(w, e->v.ifexp.orelse);
    case GP_E_DICT:
        if (visit_exprs(w, e->v.dict.keys) < 0)
            return -1;
        return visit_exprs(w, e->v.dict.values);
    case GP_E_SET:
        return visit_exprs(w, e->v.set.elts);
    case GP_E_LISTCOMP: case GP_E_SETCOMP: case GP_E_DICTCOMP:
    case GP_E_GENERATOREXP:
        return visit_comprehension(w, e);
    case GP_E_YIELD: case GP_E_YIELDFROM:
        if (e->v.yield.value && visit_expr(w, e->v.yield.value) < 0)
            return -1;
        w->cur->is_generator = 1;
        if (w->cur->is_comprehension)
            return st_error(w, e->loc, "'%s' inside %s",
                            e->kind == GP_E_YIELD ? "yield" : "yield from",
                            comp_desc(w->cur->comp_kind));
        return 0;
    case GP_E_COMPARE:
        if (visit_expr(w, e->v.compare.left) < 0)
            return -1;
        return visit_exprs(w, e->v.compare.comparators);
    case GP_E_CALL:
        if (visit_expr(w, e->v.call.func) < 0
            || visit_exprs(w, e->v.call.args) < 0)
            return -1;
        for (int i = 0; i < GP_SEQ_LEN(e->v.call.keywords); i++) {
            gp_keyword_t *k = GP_SEQ_GET(e->v.call.keywords, i);
            if (visit_expr(w, k->value) < 0)
                return -1;
        }
        return 0;
    case GP_E_FORMATTEDVALUE:
        if (visit_expr(w, e->v.formatted.value) < 0)
            return -1;
        if (e->v.formatted.format_spec)
            return visit_expr(w, e->v.formatted.format_spec);
        return 0;
    case GP_E_JOINEDSTR:
        return visit_exprs(w, e->v.joinedstr.values);
    case GP_E_CONSTANT:
        return 0;
    case GP_E_ATTRIBUTE:
        return visit_expr(w, e->v.attribute.value);
    case GP_E_SUBSCRIPT:
        if (visit_expr(w, e->v.subscript.value) < 0)
            return -1;
        return visit_expr(w, e->v.subscript.slice);
    case GP_E_STARRED:
        return visit_expr(w, e->v.starred.value);
    case GP_E_NAME: {
        int flag = e->v.name.ctx == GP_LOAD ? GP_DEF_USE : GP_DEF_LOCAL;
        if (w->in_comp_target && e->v.name.ctx == GP_STORE)
            flag |= GP_DEF_COMP_ITER;
        if (add_def(w, e->v.name.id, flag, e->loc) < 0)
            return -1;
        /* super() needs the __class__ cell of the enclosing class. */
        if (e->v.name.ctx == GP_LOAD && w->cur->type == GP_BLOCK_FUNCTION
            && !strcmp(e->v.name.id, "super"))
            return add_def(w, "__class__", GP_DEF_USE, e->loc);
        return 0;
    }
    case GP_E_LIST: case GP_E_TUPLE:
        return visit_exprs(w, e->v.seq.elts);
    case GP_E_SLICE:
        if (e->v.slice.lower && visit_expr(w, e->v.slice.lower) < 0)
            return -1;
        if (e->v.slice.upper && visit_expr(w, e->v.slice.upper) < 0)
            return -1;
        if (e->v.slice.step && visit_expr(w, e->v.slice.step) < 0)
            return -1;
        return 0;
    }
    return 0;
}

static int visit_directive(walker_t *w, gp_stmt_t *s, int global)
{
    const char *kw = global ? "global" : "nonlocal";
    gp_ast_seq_t *names = s->v.global.names;
    for (int i = 0; i < GP_SEQ_LEN(names); i++) {
        const char *name = GP_SEQ_GET(names, i);
        const char *m = gp_mangle(w->st->arena, w->cur->private_name, name);
        if (!m)
            return st_nomem(w);
        gp_sym_t *sym = gp_ste_lookup(w->cur, m);
        int cur = sym ? sym->flags : 0;
        if (cur & (GP_DEF_PARAM | GP_DEF_LOCAL | GP_DEF_USE | GP_DEF_ANNOT)) {
            if (cur & GP_DEF_PARAM)
                return st_error(w, s->loc, "name '%s' is parameter and %s",
                                name, kw);
            if (cur & GP_DEF_USE)
                return st_error(w, s->loc, "name '%s' is used prior to %s "
                                "declaration", name, kw);
            if (cur & GP_DEF_ANNOT)
                return st_error(w, s->loc, "annotated name '%s' can't be %s",
                                name, kw);
            return st_error(w, s->loc, "name '%s' is assigned to before %s "
                            "declaration", name, kw);
        }
        if (add_def(w, name, global ? GP_DEF_GLOBAL : GP_DEF_NONLOCAL,
                    s->loc) < 0)
            return -1;
        sym = gp_ste_lookup(w->cur, m);
        if (sym && !sym->decl.lineno)
            sym->decl = s->loc;
    }
    return 0;
}

static int visit_stmt(walker_t *w, gp_stmt_t *s)
{
    switch (s->kind) {
    case GP_S_FUNCTIONDEF: {
        gp_arguments_t *a = s->v.funcdef.args;
        if (add_def(w, s->v.funcdef.name, GP_DEF_LOCAL, s->loc) < 0)
            return -1;
        if (visit_defaults(w, a) < 0
            || visit_annotations(w, a, s->v.funcdef.returns) < 0
            || visit_exprs(w, s->v.funcdef.decorator_list) < 0)
            return -1;
        gp_ste_t *outer = w->cur;
        if (!enter(w, GP_BLOCK_FUNCTION, s->v.funcdef.name, s, s->loc))
            return -1;
        if (visit_params(w, a) < 0 || visit_stmts(w, s->v.funcdef.body) < 0)
            return -1;
        w->cur = outer;
        return 0;
    }
    case GP_S_CLASSDEF: {
        if (add_def(w, s->v.classdef.name, GP_DEF_LOCAL, s->loc) < 0)
            return -1;
        if (visit_exprs(w, s->v.classdef.bases) < 0)
            return -1;
        for (int i = 0; i < GP_SEQ_LEN(s->v.classdef.keywords); i++) {
            gp_keyword_t *k = GP_SEQ_GET(s->v.classdef.keywords, i);
            if (visit_expr(w, k->value) < 0)
                return -1;
        }
        if (visit_exprs(w, s->v.classdef.decorator_list) < 0)
            return -1;
        gp_ste_t *outer = w->cur;
        if (!enter(w, GP_BLOCK_CLASS, s->v.classdef.name, s, s->loc))
            return -1;
        if (visit_stmts(w, s->v.classdef.body) < 0)
            return -1;
        w->cur = outer;
        return 0;
    }
    case GP_S_RETURN:
        return s->v.ret.value ? visit_expr(w, s->v.ret.value) : 0;
    case GP_S_DELETE:
        return visit_exprs(w, s->v.del.targets);
    case GP_S_ASSIGN:
        if (visit_exprs(w, s->v.assign.targets) < 0)
            return -1;
        return visit_expr(w, s->v.assign.value);
    case GP_S_AUGASSIGN:
        if (visit_expr(w, s->v.augassign.target) < 0)
            return -1;
        return visit_expr(w, s->v.augassign.value);
    case GP_S_ANNASSIGN: {
        gp_expr_t *t = s->v.annassign.target;
        if (t->kind == GP_E_NAME) {
            const char *m = gp_mangle(w->st->arena, w->cur->private_name,
                                      t->v.name.id);
            if (!m)
                return st_nomem(w);
            gp_sym_t *sym = gp_ste_lookup(w->cur, m);
            int cur = sym ? sym->flags : 0;
            if ((cur & (GP_DEF_GLOBAL | GP_DEF_NONLOCAL))
                && w->cur->type != GP_BLOCK_MODULE) {
                /* CPython reports it at the annotated statement. */
                return st_error(w, s->loc, "annotated name '%s' can't be %s",
                                t->v.name.id, (cur & GP_DEF_GLOBAL)
                                ? "global" : "nonlocal");
            }
            if (s->v.annassign.simple) {
                if (add_def(w, t->v.name.id, GP_DEF_ANNOT | GP_DEF_LOCAL,
                            t->loc) < 0)
                    return -1;
            } else if (s->v.annassign.value
                       && add_def(w, t->v.name.id, GP_DEF_LOCAL, t->loc) < 0)
                return -1;
        } else if (visit_expr(w, t) < 0)
            return -1;
        if (s->v.annassign.simple && w->cur->type != GP_BLOCK_FUNCTION)
            w->cur->has_annotations = 1;
        if (visit_expr(w, s->v.annassign.annotation) < 0)
            return -1;
        if (s->v.annassign.value)
            return visit_expr(w, s->v.annassign.value);
        return 0;
    }
    case GP_S_FOR:
        if (visit_expr(w, s->v.forstmt.target) < 0
            || visit_expr(w, s->v.forstmt.iter) < 0
            || visit_stmts(w, s->v.forstmt.body) < 0)
            return -1;
        return visit_stmts(w, s->v.forstmt.orelse);
    case GP_S_WHILE:
        if (visit_expr(w, s->v.whilestmt.test) < 0
            || visit_stmts(w, s->v.whilestmt.body) < 0)
            return -1;
        return visit_stmts(w, s->v.whilestmt.orelse);
    case GP_S_IF:
        if (visit_expr(w, s->v.ifstmt.test) < 0
            || visit_stmts(w, s->v.ifstmt.body) < 0)
            return -1;
        return visit_stmts(w, s->v.ifstmt.orelse);
    case GP_S_WITH:
        for (int i = 0; i < GP_SEQ_LEN(s->v.with.items); i++) {
            gp_withitem_t *it = GP_SEQ_GET(s->v.with.items, i);
            if (visit_expr(w, it->context_expr) < 0)
                return -1;
            if (it->optional_vars && visit_expr(w, it->optional_vars) < 0)
                return -1;
        }
        return visit_stmts(w, s->v.with.body);
    case GP_S_RAISE:
        if (s->v.raise.exc && visit_expr(w, s->v.raise.exc) < 0)
            return -1;
        if (s->v.raise.cause && visit_expr(w, s->v.raise.cause) < 0)
            return -1;
        return 0;
    case GP_S_TRY:
        if (visit_stmts(w, s->v.trystmt.body) < 0)
            return -1;
        for (int i = 0; i < GP_SEQ_LEN(s->v.trystmt.handlers); i++) {
            gp_excepthandler_t *h = GP_SEQ_GET(s->v.trystmt.handlers, i);
            if (h->type && visit_expr(w, h->type) < 0)
                return -1;
            if (h->name && add_def(w, h->name, GP_DEF_LOCAL, h->loc) < 0)
                return -1;
            if (visit_stmts(w, h->body) < 0)
                return -1;
        }
        if (visit_stmts(w, s->v.trystmt.orelse) < 0)
            return -1;
        return visit_stmts(w, s->v.trystmt.finalbody);
    case GP_S_ASSERT:
        if (visit_expr(w, s->v.assertstmt.test) < 0)
            return -1;
        if (s->v.assertstmt.msg)
            return visit_expr(w, s->v.assertstmt.msg);
        return 0;
    case GP_S_IMPORT: case GP_S_IMPORTFROM: {
        gp_ast_seq_t *names = s->kind == GP_S_IMPORT ? s->v.import.names
                                                     : s->v.importfrom.names;
        for (int i = 0; i < GP_SEQ_LEN(names); i++) {
            gp_alias_t *al = GP_SEQ_GET(names, i);
            if (!strcmp(al->name, "*")) {
                if (w->cur->type != GP_BLOCK_MODULE)
                    return st_error(w, s->loc, "import * only allowed at "
                                    "module level");
                continue;
            }
            const char *store = al->asname;
            if (!store) {
                const char *dot = strchr(al->name, '.');
                store = dot ? gp_arena_strdup(w->st->arena, al->name,
                                              (size_t)(dot - al->name))
                            : al->name;
                if (!store)
                    return st_nomem(w);
            }
            if (add_def(w, store, GP_DEF_IMPORT, al->loc) < 0)
                return -1;
        }
        return 0;
    }
    case GP_S_GLOBAL:
        return visit_directive(w, s, 1);
    case GP_S_NONLOCAL:
        return visit_directive(w, s, 0);
    case GP_S_EXPR:
        return visit_expr(w, s->v.expr.value);
    case GP_S_PASS: case GP_S_BREAK: case GP_S_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmts(walker_t *w, gp_ast_seq_t *body)
{
    for (int i = 0; i < GP_SEQ_LEN(body); i++)
        if (visit_stmt(w, GP_SEQ_GET(body, i)) < 0)
            return -1;
    return 0;
}

/* ---------------- pass 2: resolving ---------------- */

static int analyze_name(gp_symtable_t *st, gp_ste_t *ste, gp_sym_t *sym,
                        strset_t *bound, int has_bound, strset_t *local,
                        strset_t *free, strset_t *global)
{
    int flags = sym->flags;
    const char *name = sym->name;
    if (flags & GP_DEF_GLOBAL) {
        if (flags & GP_DEF_NONLOCAL)
            goto nonlocal_and_global;
        sym->scope = GP_SCOPE_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0)
            return -1;
        set_discard(bound, name);
        return 0;
    }
    if (flags & GP_DEF_NONLOCAL) {
        if (!has_bound) {
            snprintf(st->errmsg, sizeof st->errmsg,
                     "nonlocal declaration not allowed at module level");
            goto fail;
        }
        if (!set_has(bound, name)) {
            snprintf(st->errmsg, sizeof st->errmsg,
                     "no binding for nonlocal '%s' found", name);
            goto fail;
        }
        sym->scope = GP_SCOPE_FREE;
        return set_add(free, name);
    }
    if (flags & GP_DEF_BOUND) {
        sym->scope = GP_SCOPE_LOCAL;
        if (set_add(local, name) < 0)
            return -1;
        set_discard(global, name);
        return 0;
    }
    if (has_bound && set_has(bound, name)) {
        sym->scope = GP_SCOPE_FREE;
        return set_add(free, name);
    }
    sym->scope = GP_SCOPE_GLOBAL_IMPLICIT;
    return 0;
nonlocal_and_global:
    snprintf(st->errmsg, sizeof st->errmsg,
             "name '%s' is nonlocal and global", name);
fail:
    st->errloc = sym->decl.lineno ? sym->decl : ste->loc;
    st->failed = 1;
    return -1;
}

/* bound: names bound in enclosing function scopes (NULL at module
** level); global: names declared global above; *free_out gets the names
** free in this scope or passing through it. */
static int analyze_block(gp_symtable_t *st, gp_ste_t *ste,
                         const strset_t *bound_in, const strset_t *global_in,
                         strset_t *free_out)
{
    strset_t bound = {0}, global = {0}, local = {0};
    strset_t newbound = {0}, newglobal = {0}, newfree = {0};
    int has_bound = bound_in != NULL, rc = -1;
    if (set_update(&bound, bound_in) < 0 || set_update(&global, global_in) < 0)
        goto done;
    if (ste->type == GP_BLOCK_CLASS) {
        /* Class names are invisible to nested scopes: what they see is
        ** what the class itself was given. */
        if (set_update(&newglobal, &global) < 0
            || set_update(&newbound, &bound) < 0)
            goto done;
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (analyze_name(st, ste, &ste->syms[i], &bound, has_bound, &local,
                         free_out, &global) < 0)
            goto done;
    if (ste->type != GP_BLOCK_CLASS) {
        if (ste->type == GP_BLOCK_FUNCTION && set_update(&newbound, &local) < 0)
            goto done;
        if (has_bound && set_update(&newbound, &bound) < 0)
            goto done;
        if (set_update(&newglobal, &global) < 0)
            goto done;
    } else if (set_add(&newbound, "__class__") < 0)
        goto done;
    for (int i = 0; i < ste->nchildren; i++) {
        strset_t child_free = {0};
        gp_ste_t *c = ste->children[i];
        /* A child of the module still gets a (empty) bound set, so
        ** "nonlocal" in a class at module level says "no binding". */
        int r = analyze_block(st, c, &newbound, &newglobal, &child_free);
        if (r == 0 && child_free.n)
            ste->child_free = 1;
        if (r == 0)
            r = set_update(&newfree, &child_free);
        set_clear(&child_free);
        if (r < 0)
            goto done;
    }
    if (ste->type == GP_BLOCK_FUNCTION) {
        for (int i = 0; i < ste->nsyms; i++) {
            gp_sym_t *sym = &ste->syms[i];
            if (sym->scope == GP_SCOPE_LOCAL && set_has(&newfree, sym->name)) {
                sym->scope = GP_SCOPE_CELL;
                set_discard(&newfree, sym->name);
            }
        }
    } else if (ste->type == GP_BLOCK_CLASS && set_has(&newfree, "__class__")) {
        ste->needs_class_closure = 1;
        set_discard(&newfree, "__class__");
    }
    /* Names free below: pass them through this scope. */
    for (int i = 0; i < newfree.cap; i++) {
        const char *name = newfree.items[i];
        if (!name || name == (const char *)1)
            continue;
        gp_sym_t *sym = gp_ste_lookup(ste, name);
        if (sym) {
            if (ste->type == GP_BLOCK_CLASS
                && (sym->flags & (GP_DEF_BOUND | GP_DEF_GLOBAL)))
                sym->flags |= GP_DEF_FREE_CLASS;
            continue;
        }
        if (!has_bound || !set_has(&bound, name))
            continue;
        sym = ste_add(ste, name);
        if (!sym)
            goto done;
        sym->scope = GP_SCOPE_FREE;
    }
    if (set_update(free_out, &newfree) < 0)
        goto done;
    rc = 0;
done:
    if (rc < 0 && !st->failed)
        st->failed = 2;
    set_clear(&bound);
    set_clear(&global);
    set_clear(&local);
    set_clear(&newbound);
    set_clear(&newglobal);
    set_clear(&newfree);
    return rc;
}

gp_symtable_t *gp_symtable_build(gp_mod_t *mod)
{
    gp_symtable_t *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->arena = gp_arena_new();
    if (!st->arena) {
        free(st);
        return NULL;
    }
    walker_t w = {st, NULL, 0};
    gp_loc_t loc = {1, 0, 1, 0};
    if (!enter(&w, GP_BLOCK_MODULE, "top", mod, loc)) {
        gp_symtable_free(st);
        return NULL;
    }
    st->top = w.cur;
    int r;
    if (mod->kind == GP_MOD_EXPRESSION)
        r = visit_expr(&w, mod->expr);
    else
        r = visit_stmts(&w, mod->body);
    if (r == 0) {
        strset_t free_top = {0};
        analyze_block(st, st->top, NULL, NULL, &free_top);
        set_clear(&free_top);
    }
    if (st->failed == 2) {
        gp_symtable_free(st);
        return NULL;
    }
    return st;
}
