/*
** obj_type.c — `type`: allocation, readying the static types,
** attribute lookup along the MRO, class creation (type(name, bases,
** dict): best base, instance layout, C3 MRO, __init_subclass__,
** __set_name__), the type's own attributes, and gp_types_init.
** `object` is in obj_object.c; the slots of classes (functions that call
** dunder methods) are in type_slots.c.
**
** Guard: the GIL.  Static types are written only while gilpy starts
** (gp_types_init, before any second thread exists) and are immutable
** afterwards ("cannot set 'x' attribute of immutable type 'int'"); heap
** types change under the GIL, and every change bumps the type's version.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/descrobj.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "objects/typeslots.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "vm/funcobj.h"
#include "vm/ceval.h"
#include "objects/numobj.h"

/* ---- life of objects ------------------------------------------------- */

/* Freeing a container frees what it holds, so a deeply nested one (a list
** of a list of ... 100000 deep) would recurse that deep in C.  As CPython's
** "trashcan": past GP_TRASH_DEPTH nested deallocs, a container is parked
** on the thread's trash list (linked through its now unused GC header) and
** freed when the outermost dealloc returns.  Non-containers cannot nest,
** so they skip the bookkeeping.  Guard: the GIL; the list is per thread. */
#define GP_TRASH_DEPTH 50

void gp_dealloc(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (!(t->flags & GP_TPFLAGS_HAVE_GC)) {
        t->dealloc(o);
        return;
    }
    gp_thread_t *th = gp_tcur();
    if (th->trash_depth >= GP_TRASH_DEPTH) {
        gp_gc_untrack(o);
        GP_GC_HEAD(o)->next = (gp_gchead_t *)th->trash;
        th->trash = o;
        return;
    }
    th->trash_depth++;
    t->dealloc(o);
    th->trash_depth--;
    if (th->trash_depth == 0) {
        while (th->trash) {
            gp_obj_t *x = th->trash;
            th->trash = (gp_obj_t *)GP_GC_HEAD(x)->next;
            GP_GC_HEAD(x)->next = NULL;
            GP_GC_HEAD(x)->prev = NULL;
            th->trash_depth++;
            GP_TYPE(x)->dealloc(x);
            th->trash_depth--;
        }
    }
}

gp_obj_t *gp_type_alloc(gp_type_t *t, gp_ssize_t n)
{
    size_t size = (size_t)t->basicsize + (size_t)n * (size_t)t->itemsize;
    size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    gp_obj_t *o;
    if (t->flags & GP_TPFLAGS_HAVE_GC) {
        o = gp_gc_malloc(size);
        if (!o)
            return gp_err_nomemory();
        memset(o, 0, size);
    } else {
        o = calloc(1, size);
        if (!o)
            return gp_err_nomemory();
    }
    o->refcnt = 1;
    o->type = t;
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        GP_INCREF(t);
    if (t->itemsize)
        GP_SIZE(o) = n;
    return o;
}

void gp_object_free(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->flags & GP_TPFLAGS_HAVE_GC)
        gp_gc_free(o);
    else
        free(o);
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        GP_DECREF(t);
}

gp_obj_t *gp_type_generic_new(gp_type_t *t, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_obj_t *o = gp_type_alloc(t, 0);
    if (o && (t->flags & GP_TPFLAGS_HAVE_GC))
        gp_gc_track(o);
    return o;
}

/* ---- queries ----------------------------------------------------------- */

int gp_type_is_subtype(gp_type_t *a, gp_type_t *b)
{
    if (a == b)
        return 1;
    gp_obj_t *mro = a->mro;
    if (mro) {
        for (gp_ssize_t i = 0; i < GP_SIZE(mro); i++)
            if (GP_TUPLE_GET(mro, i) == (gp_obj_t *)b)
                return 1;
        return 0;
    }
    for (gp_type_t *t = a->base; t; t = t->base)
        if (t == b)
            return 1;
    return b == &gp_object_type;
}

static gp_obj_t *lookup_mro(gp_type_t *t, gp_obj_t *name)
{
    gp_obj_t *mro = t->mro;
    if (!mro) {
        for (; t; t = t->base) {
            gp_obj_t *v = t->dict ? gp_dict_getitem(t->dict, name) : NULL;
            if (v)
                return v;
        }
        return NULL;
    }
    gp_ssize_t n = GP_SIZE(mro);
    for (gp_ssize_t i = 0; i < n; i++) {
        gp_type_t *b = (gp_type_t *)GP_TUPLE_GET(mro, i);
        gp_obj_t *v = gp_dict_getitem(b->dict, name);
        if (v)
            return v;
    }
    return NULL;
}

/* A direct-mapped cache per class (CPython keeps one per interpreter;
** classes belong to one interpreter, so theirs is guarded by its GIL;
** static types, shared by all interpreters, have none).  An entry holds
** its name (a reference, so the address cannot be reused by another
** string) and a borrowed value, valid while the type's version is the
** one it was filled at: every change to the class or a base bumps it. */
#define TYPE_CACHE_SIZE 32
struct gp_type_cache {
    struct {
        gp_obj_t *name;
        gp_obj_t *value;        /* borrowed; NULL: not found */
        uint32_t version;
    } e[TYPE_CACHE_SIZE];
};

static void type_cache_free(gp_type_t *t)
{
    struct gp_type_cache *c = t->lookup_cache;
    if (!c)
        return;
    t->lookup_cache = NULL;
    for (int i = 0; i < TYPE_CACHE_SIZE; i++)
        GP_XDECREF(c->e[i].name);
    free(c);
}

/* Static types (C types, shared by every interpreter, immutable once
** ready) have their cache in the interpreter instead: a direct-mapped
** table keyed by type and name, guarded by that interpreter's GIL.  The
** version is checked all the same, in case C code changes a type.  It
** lives as long as its interpreter, like the rest of its state. */
#define STATIC_CACHE_SIZE 1024
struct gp_static_type_cache {
    struct {
        gp_type_t *type;
        gp_obj_t *name;         /* a reference, as above */
        gp_obj_t *value;        /* borrowed; NULL: not found */
        uint32_t version;
    } e[STATIC_CACHE_SIZE];
};

static gp_obj_t *static_type_lookup(gp_type_t *t, gp_obj_t *name)
{
    gp_interp_t *in = gp_icur();
    struct gp_static_type_cache *c = in->static_type_cache;
    if (!c) {
        c = in->static_type_cache = calloc(1, sizeof *c);
        if (!c)
            return lookup_mro(t, name);
    }
    unsigned h = (unsigned)(((uintptr_t)name >> 4) ^ ((uintptr_t)t >> 3) ^
                            ((uintptr_t)name >> 13)) % STATIC_CACHE_SIZE;
    if (c->e[h].name == name && c->e[h].type == t &&
        c->e[h].version == t->version)
        return c->e[h].value;
    gp_obj_t *v = lookup_mro(t, name);
    if (gp_err_occurred())
        return v;
    GP_INCREF(name);
    GP_XDECREF(c->e[h].name);
    c->e[h].type = t;
    c->e[h].name = name;
    c->e[h].value = v;
    c->e[h].version = t->version;
    return v;
}

gp_obj_t *gp_type_lookup(gp_type_t *t, gp_obj_t *name)
{
    if (!GP_STR_CHECK_EXACT(name))
        return lookup_mro(t, name);
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        return static_type_lookup(t, name);
    struct gp_type_cache *c = t->lookup_cache;
    if (!c) {
        c = t->lookup_cache = calloc(1, sizeof *c);
        if (!c)
            return lookup_mro(t, name);
    }
    unsigned h = (unsigned)(((uintptr_t)name >> 4) ^
                            ((uintptr_t)name >> 9)) % TYPE_CACHE_SIZE;
    if (c->e[h].name == name && c->e[h].version == t->version)
        return c->e[h].value;
    gp_obj_t *v = lookup_mro(t, name);
    if (gp_err_occurred())
        return v;       /* a failed lookup is not cached */
    GP_INCREF(name);
    GP_XDECREF(c->e[h].name);
    c->e[h].name = name;
    c->e[h].value = v;
    c->e[h].version = t->version;
    return v;
}

const char *gp_type_name_cstr(gp_type_t *t)
{
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        return gp_str_utf8(t->ht_name, NULL);
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

gp_obj_t *gp_type_name(gp_type_t *t)
{
    /* Static types too: gp_type_ready fills it. */
    return t->ht_name;
}

/* ---- readying static types ------------------------------------------- */

static void inherit_number(gp_type_t *t, gp_type_t *b)
{
    if (!b->as_number)
        return;
    if (!t->as_number) {
        t->as_number = b->as_number;
        return;
    }
    gp_number_methods_t *n = t->as_number, *m = b->as_number;
    for (int i = 0; i < GP_NB_COUNT; i++) {
        if (!n->binop[i])
            n->binop[i] = m->binop[i];
        if (!n->ibinop[i])
            n->ibinop[i] = m->ibinop[i];
    }
#define INH(f) if (!n->f) n->f = m->f
    INH(power3); INH(neg); INH(pos); INH(abs); INH(invert); INH(bool_);
    INH(int_); INH(float_); INH(index); INH(divmod);
#undef INH
}

/* Inherit every slot the type leaves NULL (as inherit_slots). */
void gp_type_inherit(gp_type_t *t, gp_type_t *b)
{
#define INH(f) if (!t->f) t->f = b->f
    INH(dealloc); INH(repr); INH(str); INH(richcompare);
    INH(getattro); INH(setattro); INH(call); INH(iter); INH(iternext);
    INH(descr_get); INH(descr_set); INH(init); INH(finalize);
    INH(as_sequence); INH(as_mapping);
#undef INH
    /* hash goes with richcompare: a type that defines its own comparison
    ** but no hash is unhashable (its base's hash would be wrong). */
    if (!t->hash && (t->richcompare == b->richcompare))
        t->hash = b->hash;
    if (!t->new_ && t != &gp_object_type &&
        !(t->flags & GP_TPFLAGS_HEAPTYPE) && b != &gp_object_type)
        t->new_ = b->new_;
    if (!t->traverse && (t->flags & GP_TPFLAGS_HAVE_GC)) {
        t->traverse = b->traverse;
        t->clear = b->clear;
    }
    inherit_number(t, b);
    t->flags |= b->flags & (GP_TPFLAGS_INT_SUBCLASS | GP_TPFLAGS_LIST_SUBCLASS |
        GP_TPFLAGS_TUPLE_SUBCLASS | GP_TPFLAGS_BYTES_SUBCLASS |
        GP_TPFLAGS_STR_SUBCLASS | GP_TPFLAGS_DICT_SUBCLASS |
        GP_TPFLAGS_BASE_EXC_SUBCLASS | GP_TPFLAGS_TYPE_SUBCLASS);
    if (!t->dictoffset)
        t->dictoffset = b->dictoffset;
}

static int add_subclass(gp_type_t *base, gp_type_t *t)
{
    if (!base->subclasses) {
        base->subclasses = gp_dict_new();
        if (!base->subclasses)
            return -1;
    }
    gp_obj_t *key = gp_int_from_ptr(t);
    if (!key)
        return -1;
    /* the address, not the type: see gp_type_t.subclasses */
    int r = gp_dict_setitem(base->subclasses, key, key);
    GP_DECREF(key);
    return r;
}

gp_type_t *gp_type_subclass(gp_obj_t *entry)
{
    return (gp_type_t *)(uintptr_t)gp_int_as_u64(entry);
}

static void remove_subclass(gp_type_t *base, gp_type_t *t)
{
    if (!base->subclasses)
        return;
    /* Runs from a dealloc, maybe while an exception is being raised
    ** (a class statement that failed): keep that one. */
    gp_obj_t *pending = gp_err_fetch();
    gp_obj_t *key = gp_int_from_ptr(t);
    if (key) {
        if (gp_dict_getitem(base->subclasses, key) &&
            gp_dict_delitem(base->subclasses, key) < 0)
            gp_err_clear();
        GP_DECREF(key);
    }
    if (pending)
        gp_err_restore(pending);
    else
        gp_err_clear();
}

static int add_methods(gp_type_t *t)
{
    for (gp_methoddef_t *m = t->methods; m && m->name; m++) {
        if (gp_dict_getitem_str(t->dict, m->name))
            continue;
        gp_obj_t *d;
        if (m->flags & GP_METH_STATIC) {
            gp_obj_t *f = gp_cfunction_new(m, NULL, NULL);
            d = f ? gp_staticmethod_new(f) : NULL;
            GP_XDECREF(f);
        } else if (m->flags & GP_METH_CLASS) {
            d = gp_classmethod_descr_new(t, m);
        } else {
            d = gp_method_descr_new(t, m);
        }
        if (!d || gp_dict_setitem_str(t->dict, m->name, d) < 0) {
            GP_XDECREF(d);
            return -1;
        }
        GP_DECREF(d);
    }
    for (gp_getsetdef_t *g = t->getset; g && g->name; g++) {
        if (gp_dict_getitem_str(t->dict, g->name))
            continue;
        gp_obj_t *d = gp_getset_descr_new(t, g);
        if (!d || gp_dict_setitem_str(t->dict, g->name, d) < 0) {
            GP_XDECREF(d);
            return -1;
        }
        GP_DECREF(d);
    }
    return 0;
}

int gp_type_ready(gp_type_t *t)
{
    if (t->flags & GP_TPFLAGS_READY)
        return 0;
    if (!GP_TYPE(t))
        GP_TYPE(t) = &gp_type_type;
    if (!t->base && t != &gp_object_type)
        t->base = &gp_object_type;
    if (t->base && !(t->base->flags & GP_TPFLAGS_READY) &&
        gp_type_ready(t->base) < 0)
        return -1;
    if (t->base)
        gp_type_inherit(t, t->base);
    t->flags |= GP_TPFLAGS_READY;
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        t->flags |= GP_TPFLAGS_IMMUTABLETYPE;
    if (!t->dict && !(t->dict = gp_dict_new()))
        return -1;
    if (!t->bases) {
        t->bases = t->base ? gp_tuple_pack(1, (gp_obj_t *)t->base)
                           : gp_tuple_new(0);
        if (!t->bases)
            return -1;
    }
    if (!t->mro) {
        gp_ssize_t n = 0;
        for (gp_type_t *b = t; b; b = b->base)
            n++;
        t->mro = gp_tuple_new(n);
        if (!t->mro)
            return -1;
        n = 0;
        for (gp_type_t *b = t; b; b = b->base)
            GP_TUPLE_SET(t->mro, n++, gp_newref((gp_obj_t *)b));
    }
    if (add_methods(t) < 0 || gp_slots_add_wrappers(t) < 0)
        return -1;
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE)) {
        const char *dot = strrchr(t->name, '.');
        /* Kept in ht_name (unused otherwise by static types), not in the
        ** dict: `object().__name__` must not find it. */
        gp_obj_t *nm = gp_str_from_cstr(dot ? dot + 1 : t->name);
        if (!nm)
            return -1;
        nm->refcnt = GP_IMMORTAL_REFCNT;
        t->ht_name = nm;
        if (!gp_dict_getitem(t->dict, GP_ID(__doc__))) {
            gp_obj_t *doc = t->doc ? gp_str_from_cstr(t->doc)
                                   : gp_newref(GP_NONE);
            if (!doc || gp_dict_setitem(t->dict, GP_ID(__doc__), doc) < 0)
                return -1;
            GP_DECREF(doc);
        }
    }
    if (t->base && add_subclass(t->base, t) < 0)
        return -1;
    return 0;
}

/* ---- C3 linearisation --------------------------------------------------- */

static int tail_contains(gp_obj_t *seq, gp_ssize_t from, gp_obj_t *o)
{
    for (gp_ssize_t i = from + 1; i < GP_SIZE(seq); i++)
        if (GP_LIST_GET(seq, i) == o)
            return 1;
    return 0;
}

static gp_obj_t *mro_c3(gp_type_t *t, gp_obj_t *bases)
{
    gp_ssize_t nb = GP_SIZE(bases);
    /* to_merge: the MROs of the bases, then the bases themselves. */
    gp_obj_t **seqs = calloc((size_t)nb + 1, sizeof *seqs);
    gp_ssize_t *pos = calloc((size_t)nb + 1, sizeof *pos);
    gp_obj_t *result = gp_list_new(0);
    if (!seqs || !pos || !result)
        goto oom;
    for (gp_ssize_t i = 0; i < nb; i++) {
        gp_type_t *b = (gp_type_t *)GP_TUPLE_GET(bases, i);
        seqs[i] = gp_sequence_list(b->mro);
        if (!seqs[i])
            goto fail;
    }
    seqs[nb] = gp_sequence_list(bases);
    if (!seqs[nb] || gp_list_append(result, (gp_obj_t *)t) < 0)
        goto fail;
    for (;;) {
        int empty = 1;
        gp_obj_t *cand = NULL;
        for (gp_ssize_t i = 0; i <= nb; i++) {
            if (pos[i] >= GP_SIZE(seqs[i]))
                continue;
            empty = 0;
            gp_obj_t *c = GP_LIST_GET(seqs[i], pos[i]);
            int bad = 0;
            for (gp_ssize_t j = 0; j <= nb && !bad; j++)
                bad = tail_contains(seqs[j], pos[j], c);
            if (!bad) {
                cand = c;
                break;
            }
        }
        if (empty)
            break;
        if (!cand) {
            /* "Cannot create a consistent method resolution order (MRO)
            ** for bases A, B" names the heads still unmerged. */
            gp_strbuf_t sb;
            gp_strbuf_init(&sb);
            gp_strbuf_cstr(&sb, "Cannot create a consistent method "
                           "resolution\norder (MRO) for bases");
            gp_obj_t *seen = gp_list_new(0);
            for (gp_ssize_t i = 0; i <= nb && seen; i++) {
                if (pos[i] >= GP_SIZE(seqs[i]))
                    continue;
                gp_obj_t *c = GP_LIST_GET(seqs[i], pos[i]);
                int dup = 0;
                for (gp_ssize_t k = 0; k < GP_SIZE(seen); k++)
                    dup |= GP_LIST_GET(seen, k) == c;
                if (dup)
                    continue;
                gp_list_append(seen, c);
                gp_strbuf_cstr(&sb, GP_SIZE(seen) > 1 ? ", " : " ");
                gp_strbuf_cstr(&sb, gp_type_name_cstr((gp_type_t *)c));
            }
            GP_XDECREF(seen);
            gp_obj_t *msg = gp_strbuf_finish(&sb);
            if (msg) {
                gp_err_set(&gp_exc_TypeError, msg);
                GP_DECREF(msg);
            }
            goto fail;
        }
        if (gp_list_append(result, cand) < 0)
            goto fail;
        for (gp_ssize_t i = 0; i <= nb; i++)
            if (pos[i] < GP_SIZE(seqs[i]) &&
                GP_LIST_GET(seqs[i], pos[i]) == cand)
                pos[i]++;
    }
    for (gp_ssize_t i = 0; i <= nb; i++)
        GP_XDECREF(seqs[i]);
    free(seqs);
    free(pos);
    gp_obj_t *tup = gp_list_as_tuple(result);
    GP_DECREF(result);
    return tup;
oom:
    gp_err_nomemory();
fail:
    if (seqs)
        for (gp_ssize_t i = 0; i <= nb; i++)
            GP_XDECREF(seqs[i]);
    free(seqs);
    free(pos);
    GP_XDECREF(result);
    return NULL;
}

/* ---- class creation -------------------------------------------------- */

/* The base whose C layout instances must follow (CPython's solid_base). */
gp_type_t *gp_type_solid_base(gp_type_t *t)
{
    gp_type_t *b = t->base ? gp_type_solid_base(t->base) : &gp_object_type;
    if (!t->base)
        return t;
    int extra = t->basicsize != t->base->basicsize ||
                t->itemsize != t->base->itemsize;
    if ((t->flags & GP_TPFLAGS_HEAPTYPE) && t->dictoffset &&
        !t->base->dictoffset && t->basicsize == t->base->basicsize +
        (gp_ssize_t)sizeof(gp_obj_t *))
        extra = 0;
    return extra ? t : b;
}

static gp_type_t *best_base(gp_obj_t *bases)
{
    gp_type_t *base = NULL, *winner = NULL;
    for (gp_ssize_t i = 0; i < GP_SIZE(bases); i++) {
        gp_obj_t *b = GP_TUPLE_GET(bases, i);
        if (!GP_TYPE_CHECK_FAST(b, GP_TPFLAGS_TYPE_SUBCLASS)) {
            gp_err_set_str(&gp_exc_TypeError, "bases must be types");
            return NULL;
        }
        gp_type_t *bt = (gp_type_t *)b;
        if (!(bt->flags & GP_TPFLAGS_BASETYPE)) {
            gp_err_format(&gp_exc_TypeError,
                          "type '%s' is not an acceptable base type",
                          bt->flags & GP_TPFLAGS_HEAPTYPE
                          ? gp_type_name_cstr(bt) : bt->name);
            return NULL;
        }
        gp_type_t *cand = gp_type_solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        } else if (gp_type_is_subtype(winner, cand)) {
            /* keep */
        } else if (gp_type_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            gp_err_set_str(&gp_exc_TypeError,
                           "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static void heap_dealloc(gp_obj_t *o);

static gp_obj_t *instance_dict_get(gp_obj_t *o, void *c)
{
    gp_obj_t **dp = gp_object_dictptr(o);
    if (!dp) {
        gp_err_set_str(&gp_exc_AttributeError,
                       "This object has no __dict__");
        return NULL;
    }
    if (!*dp && !(*dp = gp_dict_new()))
        return NULL;
    return gp_newref(*dp);
}

static int instance_dict_set(gp_obj_t *o, gp_obj_t *v, void *c)
{
    gp_obj_t **dp = gp_object_dictptr(o);
    if (!v) {
        gp_err_set_str(&gp_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!GP_TYPE_CHECK_FAST(v, GP_TPFLAGS_DICT_SUBCLASS)) {
        gp_err_format(&gp_exc_TypeError,
                      "__dict__ must be set to a dictionary, not a '%s'",
                      gp_type_name_cstr(GP_TYPE(v)));
        return -1;
    }
    GP_SETREF(*dp, gp_newref(v));
    return 0;
}

static gp_getsetdef_t instance_dict_getset[] = {
    {"__dict__", instance_dict_get, instance_dict_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int heap_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        GP_VISIT((gp_obj_t *)t);
    gp_obj_t **dp = gp_object_dictptr(o);
    if (dp)
        GP_VISIT(*dp);
    /* Then the solid base's references (lists, dicts ... subclassed). */
    gp_type_t *b = t;
    while (b && b->traverse == heap_traverse)
        b = b->base;
    if (b && b->traverse && (b->flags & GP_TPFLAGS_HAVE_GC))
        return b->traverse(o, visit, arg);
    return 0;
}

static int heap_clear(gp_obj_t *o)
{
    gp_obj_t **dp = gp_object_dictptr(o);
    if (dp)
        GP_CLEAR(*dp);
    gp_type_t *b = GP_TYPE(o);
    while (b && b->clear == heap_clear)
        b = b->base;
    if (b && b->clear && (b->flags & GP_TPFLAGS_HAVE_GC))
        return b->clear(o);
    return 0;
}

/* `name` is a valid identifier-ish str for a class. */
static gp_obj_t *type_new_impl(gp_type_t *meta, gp_obj_t *name,
                               gp_obj_t *bases, gp_obj_t *dict,
                               gp_obj_t *kwds)
{
    if (GP_SIZE(bases) == 0) {
        GP_SETREF(bases, gp_tuple_pack(1, (gp_obj_t *)&gp_object_type));
        if (!bases)
            return NULL;
    } else {
        GP_INCREF(bases);
    }
    for (gp_ssize_t i = 0; i < GP_SIZE(bases); i++)
        for (gp_ssize_t j = i + 1; j < GP_SIZE(bases); j++)
            if (GP_TUPLE_GET(bases, i) == GP_TUPLE_GET(bases, j) &&
                GP_TYPE_CHECK_FAST(GP_TUPLE_GET(bases, i),
                                   GP_TPFLAGS_TYPE_SUBCLASS)) {
                gp_err_format(&gp_exc_TypeError, "duplicate base class %s",
                    gp_type_name_cstr((gp_type_t *)GP_TUPLE_GET(bases, i)));
                GP_DECREF(bases);
                return NULL;
            }
    gp_type_t *base = best_base(bases);
    if (!base) {
        GP_DECREF(bases);
        return NULL;
    }
    gp_type_t *t = (gp_type_t *)gp_type_alloc(meta, 0);
    if (!t) {
        GP_DECREF(bases);
        return NULL;
    }
    t->flags = GP_TPFLAGS_HEAPTYPE | GP_TPFLAGS_BASETYPE |
               GP_TPFLAGS_HAVE_GC;
    t->bases = bases;
    t->base = base;
    GP_INCREF(base);
    t->ht_name = gp_newref(name);
    t->name = gp_str_utf8(name, NULL);
    t->dict = gp_dict_copy(dict);
    if (!t->dict)
        goto fail;
    /* __qualname__ from the namespace (the class body sets it). */
    gp_obj_t *qn = gp_dict_getitem(t->dict, GP_ID(__qualname__));
    if (qn) {
        if (!GP_STR_CHECK(qn)) {
            gp_err_format(&gp_exc_TypeError,
                          "type __qualname__ must be a str, not %s",
                          gp_type_name_cstr(GP_TYPE(qn)));
            goto fail;
        }
        t->ht_qualname = gp_newref(qn);
        if (gp_dict_delitem(t->dict, GP_ID(__qualname__)) < 0)
            goto fail;
    } else {
        t->ht_qualname = gp_newref(name);
    }
    if (!gp_dict_getitem(t->dict, GP_ID(__module__))) {
        gp_obj_t *g = gp_eval_globals();
        gp_obj_t *mn = g ? gp_dict_getitem(g, GP_ID(__name__)) : NULL;
        if (mn && gp_dict_setitem(t->dict, GP_ID(__module__), mn) < 0)
            goto fail;
    }
    if (!gp_dict_getitem(t->dict, GP_ID(__doc__)) &&
        gp_dict_setitem(t->dict, GP_ID(__doc__), GP_NONE) < 0)
        goto fail;
    /* __eq__ without __hash__: instances are unhashable. */
    if (gp_dict_getitem(t->dict, GP_ID(__eq__)) &&
        !gp_dict_getitem(t->dict, GP_ID(__hash__)) &&
        gp_dict_setitem(t->dict, GP_ID(__hash__), GP_NONE) < 0)
        goto fail;
    /* __new__ and __init_subclass__, __class_getitem__: implicitly static
    ** / class methods, as CPython makes them. */
    gp_obj_t *nw = gp_dict_getitem(t->dict, GP_ID(__new__));
    if (nw && GP_TYPE(nw) != &gp_staticmethod_type) {
        gp_obj_t *sm = gp_staticmethod_new(nw);
        if (!sm || gp_dict_setitem(t->dict, GP_ID(__new__), sm) < 0) {
            GP_XDECREF(sm);
            goto fail;
        }
        GP_DECREF(sm);
    }
    static const int cm_ids[] = {GP_ID___init_subclass__,
                                 GP_ID___class_getitem__};
    for (int i = 0; i < 2; i++) {
        gp_obj_t *f = gp_dict_getitem(t->dict, gp_id_table[cm_ids[i]]);
        if (f && GP_FUNCTION_CHECK(f)) {
            gp_obj_t *cm = gp_classmethod_new(f);
            if (!cm || gp_dict_setitem(t->dict, gp_id_table[cm_ids[i]],
                                       cm) < 0) {
                GP_XDECREF(cm);
                goto fail;
            }
            GP_DECREF(cm);
        }
    }
    /* Layout: the base's, plus a __dict__ slot unless it has one. */
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    int slots_none = 0;
    gp_obj_t *slots = gp_dict_getitem(t->dict, GP_ID(__slots__));
    if (slots) {
        /* Only __slots__ = () (no instance dict) is honoured; named slots
        ** become ordinary instance attributes (LANGUAGE.md). */
        gp_ssize_t n = gp_length(slots);
        if (n < 0)
            gp_err_clear();
        slots_none = n == 0;
    }
    if (!base->dictoffset && !slots_none) {
        if (base->itemsize) {
            t->dictoffset = -(gp_ssize_t)sizeof(gp_obj_t *);
        } else {
            t->dictoffset = base->basicsize;
        }
        t->basicsize += sizeof(gp_obj_t *);
    } else {
        t->dictoffset = base->dictoffset;
    }
    t->dealloc = heap_dealloc;
    t->traverse = heap_traverse;
    t->clear = heap_clear;
    t->getset = base->dictoffset || slots_none ? NULL : instance_dict_getset;
    t->mro = mro_c3(t, t->bases);
    if (!t->mro)
        goto fail;
    /* Slots: inherit the C ones of the solid base, then the dunders. */
    for (gp_ssize_t i = 0; i < GP_SIZE(t->mro); i++) {
        gp_type_t *b = (gp_type_t *)GP_TUPLE_GET(t->mro, i);
        if (b != t)
            gp_type_inherit_heap(t, b);
    }
    t->new_ = base->new_;
    t->flags |= GP_TPFLAGS_READY;
    if (add_methods(t) < 0)
        goto fail;
    gp_slots_fixup(t);
    for (gp_ssize_t i = 0; i < GP_SIZE(t->bases); i++)
        if (add_subclass((gp_type_t *)GP_TUPLE_GET(t->bases, i), t) < 0)
            goto fail;
    /* __classcell__: the class body's __class__ cell gets the class. */
    gp_obj_t *cell = gp_dict_getitem(t->dict, GP_ID(__classcell__));
    if (cell) {
        if (GP_TYPE(cell) != &gp_cell_type) {
            gp_err_format(&gp_exc_TypeError,
                          "__classcell__ must be a nonlocal cell, not %R",
                          (gp_obj_t *)GP_TYPE(cell));
            goto fail;
        }
        GP_SETREF(((gp_cell_t *)cell)->ref, gp_newref((gp_obj_t *)t));
        if (gp_dict_delitem(t->dict, GP_ID(__classcell__)) < 0)
            goto fail;
    }
    /* The dict was edited directly above: drop what lookups cached. */
    gp_type_modified(t);
    gp_gc_track((gp_obj_t *)t);
    /* __set_name__ on the attributes, then the parent's
    ** __init_subclass__(**kwds). */
    gp_obj_t *items = gp_dict_items(t->dict);
    if (!items)
        goto fail_tracked;
    for (gp_ssize_t i = 0; i < GP_SIZE(items); i++) {
        gp_obj_t *kv = GP_LIST_GET(items, i);
        gp_obj_t *v = GP_TUPLE_GET(kv, 1);
        gp_obj_t *sn = gp_type_lookup(GP_TYPE(v), GP_ID(__set_name__));
        if (!sn)
            continue;
        gp_obj_t *r = gp_call_method(v, GP_ID(__set_name__), 2,
                                     (gp_obj_t *)t, GP_TUPLE_GET(kv, 0));
        if (!r) {
            GP_DECREF(items);
            goto fail_tracked;
        }
        GP_DECREF(r);
    }
    GP_DECREF(items);
    gp_obj_t *sup = gp_super_new((gp_type_t *)t, (gp_obj_t *)t);
    gp_obj_t *isc = sup ? gp_getattr(sup, GP_ID(__init_subclass__)) : NULL;
    GP_XDECREF(sup);
    if (!isc)
        goto fail_tracked;
    gp_obj_t *empty = gp_tuple_new(0);
    gp_obj_t *r = empty ? gp_call(isc, empty, kwds) : NULL;
    GP_XDECREF(empty);
    GP_DECREF(isc);
    if (!r)
        goto fail_tracked;
    GP_DECREF(r);
    return (gp_obj_t *)t;
fail:
    gp_gc_track((gp_obj_t *)t);
fail_tracked:
    GP_DECREF(t);
    return NULL;
}

/* type.__new__(meta, name, bases, dict, **kwds) */
static gp_obj_t *type_new(gp_type_t *meta, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (nargs == 1 && !kwnames && meta == &gp_type_type)
        return gp_newref((gp_obj_t *)GP_TYPE(args[0]));
    if (nargs != 3) {
        gp_err_set_str(&gp_exc_TypeError,
                       "type() takes 1 or 3 arguments");
        return NULL;
    }
    if (!GP_STR_CHECK(args[0])) {
        return gp_err_format(&gp_exc_TypeError,
            "type.__new__() argument 1 must be str, not %s",
            gp_type_name_cstr(GP_TYPE(args[0])));
    }
    if (!GP_TUPLE_CHECK(args[1])) {
        return gp_err_format(&gp_exc_TypeError,
            "type.__new__() argument 2 must be tuple, not %s",
            gp_type_name_cstr(GP_TYPE(args[1])));
    }
    if (!GP_TYPE_CHECK_FAST(args[2], GP_TPFLAGS_DICT_SUBCLASS)) {
        return gp_err_format(&gp_exc_TypeError,
            "type.__new__() argument 3 must be dict, not %s",
            gp_type_name_cstr(GP_TYPE(args[2])));
    }
    /* The most derived metaclass of the bases wins. */
    gp_type_t *winner = meta;
    for (gp_ssize_t i = 0; i < GP_SIZE(args[1]); i++) {
        gp_type_t *bm = GP_TYPE(GP_TUPLE_GET(args[1], i));
        if (gp_type_is_subtype(winner, bm))
            continue;
        if (gp_type_is_subtype(bm, winner)) {
            winner = bm;
            continue;
        }
        gp_err_set_str(&gp_exc_TypeError,
            "metaclass conflict: the metaclass of a derived class must be "
            "a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    gp_obj_t *kw = NULL;
    if (kwnames && GP_SIZE(kwnames)) {
        kw = gp_dict_new();
        if (!kw)
            return NULL;
        for (gp_ssize_t i = 0; i < GP_SIZE(kwnames); i++)
            if (gp_dict_setitem(kw, GP_TUPLE_GET(kwnames, i),
                                args[nargs + i]) < 0) {
                GP_DECREF(kw);
                return NULL;
            }
    }
    gp_obj_t *r = type_new_impl(winner, args[0], args[1], args[2], kw);
    GP_XDECREF(kw);
    return r;
}

static void heap_dealloc(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (GP_IS_GC(o))
        gp_gc_untrack(o);
    if (t->finalize && !gp_gc_finalized(o)) {
        /* __del__ may resurrect: it runs with a temporary reference. */
        o->refcnt = 1;
        gp_gc_set_finalized(o);
        t->finalize(o);
        if (--o->refcnt != 0)
            return;
    }
    gp_obj_t **dp = gp_object_dictptr(o);
    if (dp)
        GP_CLEAR(*dp);
    gp_type_t *b = t;
    while (b->dealloc == heap_dealloc)
        b = b->base;
    /* The base dealloc frees the memory and drops the type reference. */
    b->dealloc(o);
}

/* ---- the type type --------------------------------------------------- */

static void type_dealloc(gp_obj_t *o)
{
    gp_type_t *t = (gp_type_t *)o;
    gp_gc_untrack(o);
    if (t->bases)
        for (gp_ssize_t i = 0; i < GP_SIZE(t->bases); i++)
            remove_subclass((gp_type_t *)GP_TUPLE_GET(t->bases, i), t);
    GP_CLEAR(t->dict);
    GP_CLEAR(t->bases);
    GP_CLEAR(t->mro);
    GP_CLEAR(t->subclasses);
    GP_CLEAR(t->ht_name);
    GP_CLEAR(t->ht_qualname);
    GP_CLEAR(t->ht_module);
    if (t->base && (t->base->flags & GP_TPFLAGS_HEAPTYPE))
        GP_DECREF(t->base);
    t->base = NULL;
    gp_slots_free(t);
    type_cache_free(t);
    gp_object_free(o);
}

static int type_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_type_t *t = (gp_type_t *)o;
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE))
        return 0;
    GP_VISIT(t->dict);
    GP_VISIT(t->bases);
    GP_VISIT(t->mro);
    if (t->base && (t->base->flags & GP_TPFLAGS_HEAPTYPE))
        GP_VISIT((gp_obj_t *)t->base);
    GP_VISIT((gp_obj_t *)GP_TYPE(t));
    return 0;
}

static int type_clear(gp_obj_t *o)
{
    gp_type_t *t = (gp_type_t *)o;
    if (t->dict)
        gp_dict_clear(t->dict);
    GP_CLEAR(t->mro);
    gp_type_modified(t);
    return 0;
}

static gp_obj_t *type_repr(gp_obj_t *o)
{
    gp_type_t *t = (gp_type_t *)o;
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE)) {
        const char *dot = strrchr(t->name, '.');
        if (dot)
            return gp_str_fromformat("<class '%s'>", t->name);
        return gp_str_fromformat("<class '%s'>", t->name);
    }
    gp_obj_t *mod = gp_dict_getitem(t->dict, GP_ID(__module__));
    if (mod && GP_STR_CHECK(mod) && !gp_str_eq_cstr(mod, "builtins"))
        return gp_str_fromformat("<class '%U.%U'>", mod, t->ht_qualname);
    return gp_str_fromformat("<class '%U'>", t->ht_qualname);
}

/* type(...) and every class call: __new__, then __init__ when __new__
** returned an instance of the class. */
static gp_obj_t *type_call(gp_obj_t *callable, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_type_t *t = (gp_type_t *)callable;
    if (t == &gp_type_type && nargs == 1 && !kwnames)
        return gp_newref((gp_obj_t *)GP_TYPE(args[0]));
    if (!t->new_) {
        return gp_err_format(&gp_exc_TypeError,
                             "cannot create '%s' instances",
                             t->flags & GP_TPFLAGS_HEAPTYPE
                             ? gp_type_name_cstr(t) : t->name);
    }
    gp_obj_t *o = t->new_(t, args, nargs, kwnames);
    if (!o)
        return NULL;
    if (!GP_ISINSTANCE_OF(o, t))
        return o;
    if (t == &gp_type_type)
        return o;
    gp_type_t *ot = GP_TYPE(o);
    if (ot->init && ot->init(o, args, nargs, kwnames) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    return o;
}

static gp_obj_t *type_getattro(gp_obj_t *o, gp_obj_t *name)
{
    gp_type_t *t = (gp_type_t *)o;
    gp_type_t *meta = GP_TYPE(o);
    gp_obj_t *ma = gp_type_lookup(meta, name);
    gp_descrget_fn mget = NULL;
    if (ma) {
        GP_INCREF(ma);
        mget = GP_TYPE(ma)->descr_get;
        if (mget && GP_TYPE(ma)->descr_set) {
            gp_obj_t *r = mget(ma, o, (gp_obj_t *)meta);
            GP_DECREF(ma);
            return r;
        }
    }
    gp_obj_t *a = gp_type_lookup(t, name);
    if (a) {
        GP_XDECREF(ma);
        gp_descrget_fn get = GP_TYPE(a)->descr_get;
        if (get)
            return get(a, NULL, o);
        return gp_newref(a);
    }
    if (mget) {
        gp_obj_t *r = mget(ma, o, (gp_obj_t *)meta);
        GP_DECREF(ma);
        return r;
    }
    if (ma)
        return ma;
    return gp_err_format(&gp_exc_AttributeError,
                         "type object '%s' has no attribute '%U'",
                         t->flags & GP_TPFLAGS_HEAPTYPE
                         ? gp_type_name_cstr(t) : t->name, name);
}

static int type_setattro(gp_obj_t *o, gp_obj_t *name, gp_obj_t *v)
{
    gp_type_t *t = (gp_type_t *)o;
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE)) {
        gp_err_format(&gp_exc_TypeError,
                      "cannot set %R attribute of immutable type '%s'",
                      name, t->name);
        return -1;
    }
    gp_obj_t *ma = gp_type_lookup(GP_TYPE(o), name);
    if (ma && GP_TYPE(ma)->descr_set)
        return GP_TYPE(ma)->descr_set(ma, o, v);
    if (gp_str_eq_cstr(name, "__name__") ||
        gp_str_eq_cstr(name, "__qualname__")) {
        if (!v || !GP_STR_CHECK(v)) {
            gp_err_format(&gp_exc_TypeError,
                          "can only assign string to %s.%U, not '%s'",
                          gp_type_name_cstr(t), name,
                          v ? gp_type_name_cstr(GP_TYPE(v)) : "NoneType");
            return -1;
        }
        if (gp_str_eq_cstr(name, "__name__")) {
            GP_SETREF(t->ht_name, gp_newref(v));
            t->name = gp_str_utf8(v, NULL);
        } else {
            GP_SETREF(t->ht_qualname, gp_newref(v));
        }
        return 0;
    }
    int r;
    if (v) {
        r = gp_dict_setitem(t->dict, name, v);
    } else {
        r = gp_dict_delitem(t->dict, name);
        if (r < 0 && gp_err_matches(&gp_exc_KeyError)) {
            gp_err_clear();
            gp_err_format(&gp_exc_AttributeError,
                          "type object '%s' has no attribute '%U'",
                          gp_type_name_cstr(t), name);
        }
    }
    if (r == 0) {
        gp_type_modified(t);
        gp_slots_update(t, name);
    }
    return r;
}

void gp_type_modified(gp_type_t *t)
{
    t->version++;
    if (!t->subclasses)
        return;
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    while (gp_dict_next(t->subclasses, &pos, &k, &v))
        gp_type_modified(gp_type_subclass(v));
}

static gp_obj_t *type_get_name(gp_obj_t *o, void *c)
{
    gp_type_t *t = (gp_type_t *)o;
    if (t->ht_name)
        return gp_newref(t->ht_name);
    return gp_str_from_cstr(gp_type_name_cstr(t));
}

static gp_obj_t *type_get_qualname(gp_obj_t *o, void *c)
{
    gp_type_t *t = (gp_type_t *)o;
    if (t->flags & GP_TPFLAGS_HEAPTYPE)
        return gp_newref(t->ht_qualname);
    return gp_str_from_cstr(gp_type_name_cstr(t));
}

static gp_obj_t *type_get_module(gp_obj_t *o, void *c)
{
    gp_type_t *t = (gp_type_t *)o;
    if (t->flags & GP_TPFLAGS_HEAPTYPE) {
        gp_obj_t *m = gp_dict_getitem(t->dict, GP_ID(__module__));
        if (!m) {
            gp_err_set(&gp_exc_AttributeError, GP_ID(__module__));
            return NULL;
        }
        return gp_newref(m);
    }
    const char *dot = strrchr(t->name, '.');
    if (dot)
        return gp_str_from_utf8(t->name, dot - t->name);
    return gp_str_from_cstr("builtins");
}

/* The checks of every writable special attribute of a type, with 3.11's
** messages (which call even a class "immutable" when deleting). */
static int type_check_special_set(gp_type_t *t, gp_obj_t *value,
                                  const char *name)
{
    if (!(t->flags & GP_TPFLAGS_HEAPTYPE)) {
        gp_err_format(&gp_exc_TypeError, "cannot set '%s' attribute of "
                      "immutable type '%s'", name, gp_type_name_cstr(t));
        return -1;
    }
    if (!value) {
        gp_err_format(&gp_exc_TypeError, "cannot delete '%s' attribute of "
                      "immutable type '%s'", name, gp_type_name_cstr(t));
        return -1;
    }
    return 0;
}

static int type_set_module(gp_obj_t *o, gp_obj_t *value, void *c)
{
    gp_type_t *t = (gp_type_t *)o;
    if (type_check_special_set(t, value, "__module__") < 0)
        return -1;
    return gp_dict_setitem(t->dict, GP_ID(__module__), value);
}

static gp_obj_t *type_get_dict(gp_obj_t *o, void *c)
{
    /* Read-only, so writes cannot bypass the slot updates of setattr. */
    return gp_mappingproxy_new(((gp_type_t *)o)->dict);
}

static gp_obj_t *type_get_bases(gp_obj_t *o, void *c)
{
    return gp_newref(((gp_type_t *)o)->bases);
}

static gp_obj_t *type_get_base(gp_obj_t *o, void *c)
{
    gp_type_t *b = ((gp_type_t *)o)->base;
    return gp_newref(b ? (gp_obj_t *)b : GP_NONE);
}

static gp_obj_t *type_get_mro(gp_obj_t *o, void *c)
{
    gp_obj_t *m = ((gp_type_t *)o)->mro;
    return gp_newref(m ? m : GP_NONE);
}

static gp_obj_t *type_get_doc(gp_obj_t *o, void *c)
{
    gp_type_t *t = (gp_type_t *)o;
    gp_obj_t *d = gp_dict_getitem(t->dict, GP_ID(__doc__));
    if (!d)
        GP_RETURN_NONE;
    if (GP_TYPE(d)->descr_get)
        return GP_TYPE(d)->descr_get(d, NULL, o);
    return gp_newref(d);
}

static gp_getsetdef_t type_getset[] = {
    {"__name__", type_get_name, NULL, NULL, NULL},
    {"__qualname__", type_get_qualname, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *type_mro_method(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *m = ((gp_type_t *)self)->mro;
    return gp_sequence_list(m);
}

static gp_obj_t *type_subclasses(gp_obj_t *self, gp_obj_t *unused)
{
    gp_type_t *t = (gp_type_t *)self;
    gp_obj_t *list = gp_list_new(0);
    gp_ssize_t pos = 0;
    gp_obj_t *k, *v;
    while (list && t->subclasses && gp_dict_next(t->subclasses, &pos, &k, &v))
        if (gp_list_append(list, (gp_obj_t *)gp_type_subclass(v)) < 0)
            GP_CLEAR(list);
    return list;
}

static gp_obj_t *type_instancecheck(gp_obj_t *self, gp_obj_t *arg)
{
    return gp_bool_from(GP_ISINSTANCE_OF(arg, (gp_type_t *)self));
}

static gp_obj_t *type_subclasscheck(gp_obj_t *self, gp_obj_t *arg)
{
    if (!GP_TYPE_CHECK_FAST(arg, GP_TPFLAGS_TYPE_SUBCLASS)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "issubclass() arg 1 must be a class");
        return NULL;
    }
    return gp_bool_from(gp_type_is_subtype((gp_type_t *)arg,
                                           (gp_type_t *)self));
}

static gp_obj_t *type_prepare(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return gp_dict_new();
}

gp_obj_t *gp_type_dir(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *d = gp_dict_new();
    gp_obj_t *mro = ((gp_type_t *)self)->mro;
    for (gp_ssize_t i = mro ? GP_SIZE(mro) - 1 : -1; d && i >= 0; i--)
        if (gp_dict_update(d, ((gp_type_t *)GP_TUPLE_GET(mro, i))->dict) < 0)
            GP_CLEAR(d);
    if (!d)
        return NULL;
    gp_obj_t *l = gp_dict_keys(d);
    GP_DECREF(d);
    return l;
}

static gp_methoddef_t type_methods[] = {
    {"mro", type_mro_method, GP_METH_NOARGS, NULL},
    {"__subclasses__", type_subclasses, GP_METH_NOARGS, NULL},
    {"__instancecheck__", type_instancecheck, GP_METH_O, NULL},
    {"__subclasscheck__", type_subclasscheck, GP_METH_O, NULL},
    {"__prepare__", GP_METH_FN(type_prepare),
     GP_METH_FASTCALL | GP_METH_KEYWORDS | GP_METH_CLASS, NULL},
    {"__dir__", gp_type_dir, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int type_init(gp_obj_t *self, gp_obj_t *const *args, gp_ssize_t nargs,
                     gp_obj_t *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        gp_err_set_str(&gp_exc_TypeError, "type.__init__() takes 1 or 3 "
                       "arguments");
        return -1;
    }
    return 0;
}

static gp_obj_t *type_or(gp_obj_t *a, gp_obj_t *b)
{
    GP_RETURN_NOTIMPLEMENTED;
}

static gp_number_methods_t type_as_number = {
    .binop = {[GP_NB_OR] = type_or},
};

gp_type_t gp_type_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "type",
    .basicsize = sizeof(gp_type_t),
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_HAVE_GC |
             GP_TPFLAGS_TYPE_SUBCLASS,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .getattro = type_getattro,
    .setattro = type_setattro,
    .call = type_call,
    .new_ = type_new,
    .init = type_init,
    .traverse = type_traverse,
    .clear = type_clear,
    .as_number = &type_as_number,
    .methods = type_methods,
    .getset = type_getset,
    .base = &gp_object_type,
    .doc = "type(object) -> the object's type\n"
           "type(name, bases, dict, **kwds) -> a new type",
};


/* ---- start-up ------------------------------------------------------------ */

/* The init function of every file defining static types (brief:
** gp_<file>_init), in dependency order: object and type first, then the
** types whose objects the others' dicts hold. */
int gp_ids_init(void);
int gp_obj_str_init(void);
int gp_obj_int_init(void);
int gp_obj_float_init(void);
int gp_obj_tuple_init(void);
int gp_obj_list_init(void);
int gp_obj_dict_init(void);
int gp_obj_set_init(void);
int gp_obj_range_init(void);
int gp_obj_iters_init(void);
int gp_obj_descr_init(void);
int gp_obj_module_init(void);
int gp_obj_none_init(void);
int gp_obj_func_init(void);
int gp_obj_code_init(void);
int gp_obj_gen_init(void);
int gp_traceback_init(void);
int gp_obj_exc_init(void);
int gp_obj_bytes_init(void);
int gp_obj_file_init(void);
int gp_mod_thread_init(void);
int gp_mod_sys_init(void);
int gp_obj_genericalias_init(void);

int gp_types_init(void)
{
    static int (*const inits[])(void) = {
        gp_ids_init, gp_obj_str_init, gp_obj_int_init, gp_obj_float_init,
        gp_obj_tuple_init, gp_obj_list_init, gp_obj_dict_init,
        gp_obj_set_init, gp_obj_range_init, gp_obj_iters_init,
        gp_obj_descr_init, gp_obj_module_init, gp_obj_none_init,
        gp_obj_func_init, gp_obj_code_init, gp_obj_gen_init,
        gp_traceback_init, gp_obj_exc_init, gp_obj_bytes_init,
        gp_obj_file_init, gp_mod_thread_init, gp_mod_sys_init,
        gp_obj_genericalias_init,
    };
    if (gp_object_type.flags & GP_TPFLAGS_READY)
        return 0;               /* once per process */
    if (gp_ids_init() < 0 || gp_type_ready(&gp_object_type) < 0 ||
        gp_type_ready(&gp_type_type) < 0)
        return -1;
    for (size_t i = 0; i < sizeof inits / sizeof inits[0]; i++)
        if (inits[i]() < 0)
            return -1;
    return 0;
}

