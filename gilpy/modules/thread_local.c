/*
** thread_local.c — `_thread._local` (threading.local): an object whose
** attributes are per thread.  Owns the local objects, the per-thread
** "sentinel" that records which locals hold a dict for a thread, and the
** links between the two.
**
** Guard: the GIL guards everything here: a local object, its links and
** its per-thread dicts, and every thread's sentinel (any thread may touch
** another thread's sentinel or links, always with the GIL held: a local
** dying on one thread unlinks the dicts of all threads; a thread state
** may be cleared by another thread after fork or at finalization).
**
** The design is CPython's (3.12+, "localdummy" + weak references), in C
** instead of weak references, which gilpy does not have:
**
**   * A local OWNS its per-thread dicts, one link per thread that used it
**     (local->links).  So its dicts die with it (a value's __del__ runs
**     when the local goes), and the cycle collector sees local -> dict ->
**     ... -> local through local_traverse: a local reachable only from
**     its own dict is collected.
**   * A thread holds its links through its sentinel, WITHOUT references
**     to the locals: the sentinel is a plain (non-GC) object stored in the
**     thread's gp_thread_t.dict under a private key (the sentinel type
**     itself, which no Python code can name).  gp_thread_clear drops that
**     dict when the thread state is cleared (thread end — threading,
**     _thread.start_new_thread and dummy threads alike — fork child,
**     finalization), the sentinel dies, and its dealloc removes that
**     thread's dict from every local it had one in.  Neither side keeps
**     the other alive, so no cycle goes through a thread state.
**   * threading.Thread wakes its joiners from Python code before its
**     thread state is cleared; CPython's join() returns only after the
**     clear.  So that a join still sees the thread's values freed, as in
**     CPython, threading calls _thread._local_thread_end() just before
**     waking them: it drops the sentinel early (a local touched after that
**     gets a fresh one, freed at the clear as usual).
**
** A link is in two doubly linked lists (its local's and its thread's), so
** either end unlinks it in O(1).  Lookup scans the local's list for the
** calling thread's sentinel, moving the hit to the front: the thread using
** a local is almost always the one that used it last.  Every unlink is
** complete before the dict is released, because releasing it may run
** arbitrary code (__del__) that uses locals again.
*/
#include <stdlib.h>

#include "modules/thread_local.h"
#include "objects/object.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/ids.h"
#include "objects/listobj.h"
#include "objects/strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

typedef struct tl_link tl_link_t;

/* One per thread that has used a local; lives in that thread's
** gp_thread_t.dict. */
typedef struct {
    gp_obj_t ob;
    tl_link_t *links;           /* this thread's dicts, via tnext/tprev */
} tl_sentinel_t;

typedef struct {
    gp_obj_t ob;
    gp_obj_t *args;             /* the constructor's arguments, positional
                                   then keyword values (tuple), or NULL:
                                   __init__ runs again with them in each
                                   new thread */
    gp_obj_t *kwnames;          /* their keyword names (tuple) or NULL */
    gp_ssize_t nargs;           /* how many of args are positional */
    tl_link_t *links;           /* one per thread, via lnext/lprev */
} tl_local_t;

struct tl_link {
    tl_local_t *local;          /* borrowed: the link dies with either end */
    tl_sentinel_t *thread;      /* borrowed, likewise */
    gp_obj_t *dict;             /* owned: the thread's attributes */
    tl_link_t *lnext, *lprev;   /* in local->links */
    tl_link_t *tnext, *tprev;   /* in thread->links */
};

gp_type_t gp_thread_local_type;
static gp_type_t tl_sentinel_type;

/* The key of the sentinel in gp_thread_t.dict (a static type: immortal,
** hashable by identity, unreachable from Python). */
#define SENTINEL_KEY ((gp_obj_t *)&tl_sentinel_type)

/* ---- links ------------------------------------------------------------- */

static void link_unlink(tl_link_t *l)
{
    if (l->lprev)
        l->lprev->lnext = l->lnext;
    else
        l->local->links = l->lnext;
    if (l->lnext)
        l->lnext->lprev = l->lprev;
    if (l->tprev)
        l->tprev->tnext = l->tnext;
    else
        l->thread->links = l->tnext;
    if (l->tnext)
        l->tnext->tprev = l->tprev;
}

/* Unlink and free l, then release its dict (which may run __del__: by
** then nothing points to l any more). */
static void link_drop(tl_link_t *l)
{
    gp_obj_t *d = l->dict;
    link_unlink(l);
    free(l);
    GP_DECREF(d);
}

/* A new link with an empty dict at the front of both lists. */
static tl_link_t *link_new(tl_local_t *self, tl_sentinel_t *s)
{
    tl_link_t *l = malloc(sizeof *l);
    if (!l) {
        gp_err_nomemory();
        return NULL;
    }
    if (!(l->dict = gp_dict_new())) {
        free(l);
        return NULL;
    }
    l->local = self;
    l->thread = s;
    l->lprev = l->tprev = NULL;
    l->lnext = self->links;
    if (l->lnext)
        l->lnext->lprev = l;
    self->links = l;
    l->tnext = s->links;
    if (l->tnext)
        l->tnext->tprev = l;
    s->links = l;
    return l;
}

/* self's link for thread s, moved to the front of self's list; NULL if
** the thread has no dict in self. */
static tl_link_t *link_find(tl_local_t *self, tl_sentinel_t *s)
{
    tl_link_t *l = self->links;
    if (!l || l->thread == s)
        return l;
    for (l = l->lnext; l; l = l->lnext)
        if (l->thread == s)
            break;
    if (l) {
        l->lprev->lnext = l->lnext;
        if (l->lnext)
            l->lnext->lprev = l->lprev;
        l->lprev = NULL;
        l->lnext = self->links;
        self->links->lprev = l;
        self->links = l;
    }
    return l;
}

/* ---- the per-thread sentinel ------------------------------------------- */

/* The thread is over (or dropped its locals early): its dict leaves every
** local it was in.  May run on another thread (fork child, finalization),
** with the GIL. */
static void sentinel_dealloc(gp_obj_t *o)
{
    tl_sentinel_t *s = (tl_sentinel_t *)o;
    while (s->links)
        link_drop(s->links);
    gp_object_free(o);
}

/* Not a GC type: it holds no references, only links. */
static gp_type_t tl_sentinel_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "_thread._localsentinel",
    .basicsize = sizeof(tl_sentinel_t),
    .dealloc = sentinel_dealloc,
};

/* The calling thread's sentinel (borrowed), made if `create`; NULL when
** there is none and create is 0, or with an exception set.  The lookup
** itself cannot fail: the key hashes by identity and is the only key of
** its kind, so no __eq__ ever runs. */
static tl_sentinel_t *thread_sentinel(gp_thread_t *t, int create)
{
    if (t->dict) {
        gp_obj_t *s = gp_dict_getitem(t->dict, SENTINEL_KEY);
        if (s || !create)
            return (tl_sentinel_t *)s;
    } else if (!create) {
        return NULL;
    } else if (!(t->dict = gp_dict_new())) {
        return NULL;
    }
    gp_obj_t *s = gp_type_alloc(&tl_sentinel_type, 0);
    if (!s)
        return NULL;
    int r = gp_dict_setitem(t->dict, SENTINEL_KEY, s);
    GP_DECREF(s);               /* the thread's dict holds it */
    return r < 0 ? NULL : (tl_sentinel_t *)s;
}

/* _thread._local_thread_end(): drop the calling thread's dicts now (see
** the top of this file: threading calls it before waking joiners). */
gp_obj_t *gp_thread_local_thread_end(gp_obj_t *mod, gp_obj_t *unused)
{
    gp_thread_t *t = gp_tcur();
    gp_obj_t *s = t->dict ? gp_dict_pop(t->dict, SENTINEL_KEY) : NULL;
    GP_XDECREF(s);
    GP_RETURN_NONE;
}

/* ---- the local object -------------------------------------------------- */

/* The name CPython's messages use (tp_name): "_thread._local" for the
** type itself, the class name for subclasses. */
static const char *tp_name(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return t->flags & GP_TPFLAGS_HEAPTYPE ? gp_type_name_cstr(t) : t->name;
}

/* The calling thread's attribute dict of self (new reference).  The first
** use in a thread makes it and, when the class has its own __init__,
** runs that again with the constructor's arguments (the creating thread
** ran it through the constructor call). */
static gp_obj_t *local_dict(tl_local_t *self)
{
    gp_thread_t *t = gp_tcur();
    tl_sentinel_t *s = thread_sentinel(t, 0);
    tl_link_t *l;
    if (s && (l = link_find(self, s)))
        return gp_newref(l->dict);
    if (!s && !(s = thread_sentinel(t, 1)))
        return NULL;
    if (!(l = link_new(self, s)))
        return NULL;
    /* Held across __init__, which may do anything to the link. */
    gp_obj_t *d = gp_newref(l->dict);
    gp_type_t *tp = GP_TYPE(self);
    if (tp->init && tp->init != gp_object_type.init) {
        /* Our own references: a collection during __init__ may clear
        ** self's fields while the call still reads them. */
        gp_obj_t *args = gp_xnewref(self->args);
        gp_obj_t *kwnames = gp_xnewref(self->kwnames);
        int r = tp->init(GP_OBJ(self), args ? GP_TUPLE_ITEMS(args) : NULL,
                         self->nargs, kwnames);
        GP_XDECREF(args);
        GP_XDECREF(kwnames);
        if (r < 0) {
            /* No dict for this thread, so the next access tries again
            ** (CPython: the dummy is removed).  Dropping it may run
            ** __del__ of what __init__ stored: not with our exception
            ** pending. */
            gp_obj_t *exc = gp_err_fetch();
            s = thread_sentinel(t, 0);
            if (s && (l = link_find(self, s)) && l->dict == d)
                link_drop(l);
            GP_DECREF(d);
            gp_err_restore(exc);
            return NULL;
        }
    }
    return d;
}

static gp_obj_t *local_new(gp_type_t *type, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    gp_ssize_t nkw = kwnames ? GP_SIZE(kwnames) : 0;
    if ((nargs || nkw) && (!type->init || type->init == gp_object_type.init)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "Initialization arguments are not supported");
        return NULL;
    }
    tl_local_t *self = (tl_local_t *)gp_type_alloc(type, 0);
    if (!self)
        return NULL;
    gp_gc_track(GP_OBJ(self));  /* every field is valid (NULL) already */
    if (nargs || nkw) {
        if (!(self->args = gp_tuple_from_array(args, nargs + nkw)))
            goto fail;
        self->nargs = nargs;
        if (nkw)
            self->kwnames = gp_newref(kwnames);
    }
    /* The creating thread's dict, as CPython makes it here: __init__ then
    ** runs on it through the constructor. */
    gp_thread_t *t = gp_tcur();
    tl_sentinel_t *s = thread_sentinel(t, 1);
    if (!s || !link_new(self, s))
        goto fail;
    return GP_OBJ(self);
fail:
    GP_DECREF(self);
    return NULL;
}

static int local_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    tl_local_t *self = (tl_local_t *)o;
    GP_VISIT(self->args);
    GP_VISIT(self->kwnames);
    for (tl_link_t *l = self->links; l; l = l->lnext)
        GP_VISIT(l->dict);
    return 0;
}

/* Every thread's dict goes (their values' __del__ may run, and may even
** give self a new link: hence the loop on the list head). */
static int local_clear(gp_obj_t *o)
{
    tl_local_t *self = (tl_local_t *)o;
    GP_CLEAR(self->args);
    GP_CLEAR(self->kwnames);
    self->nargs = 0;            /* a resurrected self calls __init__ bare */
    while (self->links)
        link_drop(self->links);
    return 0;
}

static void local_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    local_clear(o);
    gp_object_free(o);
}

/* object.__getattribute__ with the thread's dict in place of an instance
** dict (CPython's _PyObject_GenericGetAttrWithDict): data descriptors of
** the class, then the dict, then other class attributes. */
static gp_obj_t *getattr_with_dict(gp_obj_t *o, gp_obj_t *name, gp_obj_t *d)
{
    gp_type_t *tp = GP_TYPE(o);
    gp_obj_t *a = gp_type_lookup(tp, name);
    gp_descrget_fn get = NULL;
    if (a) {
        GP_INCREF(a);
        get = GP_TYPE(a)->descr_get;
        if (get && GP_TYPE(a)->descr_set) {
            gp_obj_t *r = get(a, o, GP_OBJ(tp));
            GP_DECREF(a);
            return r;
        }
    }
    gp_obj_t *v = gp_dict_getitem(d, name);
    if (v || gp_err_occurred()) {
        GP_XDECREF(a);
        return v ? gp_newref(v) : NULL;
    }
    if (get) {
        gp_obj_t *r = get(a, o, GP_OBJ(tp));
        GP_DECREF(a);
        return r;
    }
    if (a)
        return a;
    return gp_err_format(&gp_exc_AttributeError,
                         "'%s' object has no attribute '%U'", tp_name(o),
                         name);
}

static gp_obj_t *local_getattro(gp_obj_t *o, gp_obj_t *name)
{
    if (!GP_STR_CHECK(name)) {
        return gp_err_format(&gp_exc_TypeError,
                             "attribute name must be string, not '%s'",
                             gp_type_name_cstr(GP_TYPE(name)));
    }
    gp_obj_t *d = local_dict((tl_local_t *)o);
    if (!d)
        return NULL;
    if (gp_str_eq(name, GP_ID(__dict__)))
        return d;
    gp_obj_t *r;
    /* The type itself has no data descriptor a dict entry should not
    ** shadow but __class__, so its dict comes first (as CPython's fast
    ** path); subclasses may have properties: the generic order. */
    if (GP_TYPE(o) == &gp_thread_local_type &&
        ((r = gp_dict_getitem(d, name)) || gp_err_occurred())) {
        GP_XINCREF(r);
    } else {
        r = getattr_with_dict(o, name, d);
    }
    GP_DECREF(d);
    return r;
}

/* object.__setattr__ / __delattr__ on the thread's dict (CPython's
** _PyObject_GenericSetAttrWithDict); value NULL deletes. */
static int local_setattro(gp_obj_t *o, gp_obj_t *name, gp_obj_t *value)
{
    if (!GP_STR_CHECK(name)) {
        gp_err_format(&gp_exc_TypeError,
                      "attribute name must be string, not '%s'",
                      gp_type_name_cstr(GP_TYPE(name)));
        return -1;
    }
    gp_obj_t *d = local_dict((tl_local_t *)o);
    if (!d)
        return -1;
    int r;
    if (gp_str_eq(name, GP_ID(__dict__))) {
        gp_err_format(&gp_exc_AttributeError,
                      "'%s' object attribute '%U' is read-only", tp_name(o),
                      name);
        r = -1;
        goto done;
    }
    gp_obj_t *a = gp_type_lookup(GP_TYPE(o), name);
    if (a && GP_TYPE(a)->descr_set) {
        GP_INCREF(a);
        r = GP_TYPE(a)->descr_set(a, o, value);
        GP_DECREF(a);
        goto done;
    }
    r = value ? gp_dict_setitem(d, name, value) : gp_dict_delitem(d, name);
    if (r < 0 && gp_err_matches(&gp_exc_KeyError)) {
        gp_err_clear();
        gp_err_format(&gp_exc_AttributeError,
                      "'%s' object has no attribute '%U'", tp_name(o), name);
    }
done:
    GP_DECREF(d);
    return r;
}

gp_type_t gp_thread_local_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "_thread._local",
    .basicsize = sizeof(tl_local_t),
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_HAVE_GC,
    .dealloc = local_dealloc,
    .getattro = local_getattro,
    .setattro = local_setattro,
    .new_ = local_new,
    .traverse = local_traverse,
    .clear = local_clear,
    .doc = "Thread-local data",
};

/* Makes both types ready (from gp_mod_thread_init, at start-up). */
int gp_thread_local_init(void)
{
    if (gp_type_ready(&tl_sentinel_type) < 0 ||
        gp_type_ready(&gp_thread_local_type) < 0)
        return -1;
    return 0;
}
