/*
** obj_set.c — set and frozenset, and the set iterator.  The table is laid
** out and probed as CPython 3.11's setobject (8-entry small table inline,
** 9 linear probes before each perturbed jump, dummies with hash -1,
** resize at 60% fill to 4x used), and every operation inserts in the
** same order as CPython's does, so the iteration order (and so the
** printed form) of a set of ints or strs is CPython's.  frozenset's hash
** is CPython's algorithm.  Guard: the GIL; a key's __eq__ may mutate the
** set, in which case a lookup restarts.
*/
#include <stdlib.h>
#include <string.h>
#include "setobj.h"
#include "abstract.h"
#include "dictobj.h"
#include "gc.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"

#define TNAME(o) gp_type_name_cstr(GP_TYPE(o))
#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    gp_obj_t *key;          /* NULL: never used; &dummy: deleted */
    gp_hash_t hash;
} sentry_t;

typedef struct {
    gp_obj_t ob;
    gp_ssize_t fill;        /* active + dummy */
    gp_ssize_t used;        /* active */
    gp_ssize_t mask;
    sentry_t *table;
    gp_hash_t hash;         /* frozenset only, -1 until computed */
    gp_ssize_t finger;      /* where pop() looks next */
    sentry_t smalltable[MINSIZE];
} gp_set_t;

#define S(o) ((gp_set_t *)(o))

/* The marker of deleted slots: never handed out. */
static gp_obj_t dummy = GP_OBJ_HEAD_INIT(&gp_object_type);

static gp_set_t empty_frozenset = {
    .ob = GP_OBJ_HEAD_INIT(&gp_frozenset_type),
    .mask = MINSIZE - 1,
    .hash = -1,
};

#define IS_FROZEN(o) GP_ISINSTANCE_OF(o, &gp_frozenset_type)
#define IS_SETLIKE(o) GP_ANYSET_CHECK(o)

static inline gp_hash_t set_key_hash(gp_obj_t *key)
{
    if (GP_STR_CHECK_EXACT(key)) {
        gp_hash_t h = ((gp_str_t *)key)->hash;
        return h != -1 ? h : gp_str_hash(key);
    }
    return gp_hash(key);
}

static int table_resize(gp_set_t *so, gp_ssize_t minused);

/* The entry holding key, or the empty entry where the search ended;
** NULL on error. */
static sentry_t *lookkey(gp_set_t *so, gp_obj_t *key, gp_hash_t hash)
{
restart:;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        sentry_t *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                gp_obj_t *sk = entry->key;
                if (sk == key)
                    return entry;
                if (GP_STR_CHECK_EXACT(sk) && GP_STR_CHECK_EXACT(key)) {
                    if (gp_str_eq(sk, key))
                        return entry;
                } else {
                    sentry_t *table = so->table;
                    GP_INCREF(sk);
                    int c = gp_richcompare_bool(sk, key, GP_EQ);
                    GP_DECREF(sk);
                    if (c < 0)
                        return NULL;
                    if (table != so->table || entry->key != sk)
                        goto restart;
                    if (c > 0)
                        return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add key (stolen) with its hash. */
static int add_entry(gp_set_t *so, gp_obj_t *key, gp_hash_t hash)
{
    sentry_t *entry, *freeslot;
restart:
    freeslot = NULL;
    size_t mask = (size_t)so->mask, perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                gp_obj_t *sk = entry->key;
                if (sk == key)
                    goto found_active;
                if (GP_STR_CHECK_EXACT(sk) && GP_STR_CHECK_EXACT(key)) {
                    if (gp_str_eq(sk, key))
                        goto found_active;
                } else {
                    sentry_t *table = so->table;
                    GP_INCREF(sk);
                    int c = gp_richcompare_bool(sk, key, GP_EQ);
                    GP_DECREF(sk);
                    if (c > 0)
                        goto found_active;
                    if (c < 0) {
                        GP_DECREF(key);
                        return -1;
                    }
                    if (table != so->table || entry->key != sk)
                        goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    GP_DECREF(key);
    return 0;
}

static void insert_clean(sentry_t *table, size_t mask, gp_obj_t *key,
                         gp_hash_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    sentry_t *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

static int table_resize(gp_set_t *so, gp_ssize_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    sentry_t *oldtable = so->table;
    int is_small = oldtable == so->smalltable;
    sentry_t small_copy[MINSIZE];
    sentry_t *newtable;
    if (newsize == MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0;       /* nothing to gain */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = calloc(newsize, sizeof(sentry_t));
        if (!newtable) {
            gp_err_nomemory();
            return -1;
        }
    }
    gp_ssize_t oldmask = so->mask;
    so->mask = (gp_ssize_t)newsize - 1;
    so->table = newtable;
    if (newtable == so->smalltable)
        memset(so->smalltable, 0, sizeof so->smalltable);
    for (gp_ssize_t i = 0; i <= oldmask; i++) {
        sentry_t *e = &oldtable[i];
        if (e->key != NULL && e->key != &dummy)
            insert_clean(newtable, newsize - 1, e->key, e->hash);
    }
    so->fill = so->used;
    if (!is_small && oldtable != small_copy)
        free(oldtable);
    return 0;
}

static int set_add_key(gp_set_t *so, gp_obj_t *key)
{
    gp_hash_t h = set_key_hash(key);
    if (h == -1)
        return -1;
    return add_entry(so, gp_newref(key), h);
}

/* 1 found and removed, 0 not found, -1 error. */
static int discard_entry(gp_set_t *so, gp_obj_t *key, gp_hash_t hash)
{
    sentry_t *e = lookkey(so, key, hash);
    if (!e)
        return -1;
    if (e->key == NULL)
        return 0;
    gp_obj_t *old = e->key;
    e->key = &dummy;
    e->hash = -1;
    so->used--;
    GP_DECREF(old);
    return 1;
}

static int contains_entry(gp_set_t *so, gp_obj_t *key, gp_hash_t hash)
{
    sentry_t *e = lookkey(so, key, hash);
    if (!e)
        return -1;
    return e->key != NULL;
}

static int contains_key(gp_set_t *so, gp_obj_t *key)
{
    gp_hash_t h = set_key_hash(key);
    if (h == -1)
        return -1;
    return contains_entry(so, key, h);
}

/* A set argument of `in`/remove/discard is looked up as a frozenset. */
static int retry_as_frozen(gp_obj_t *key, gp_obj_t **fk)
{
    if (!GP_ISINSTANCE_OF(key, &gp_set_type) ||
        !gp_err_matches(&gp_exc_TypeError))
        return 0;
    gp_err_clear();
    *fk = gp_frozenset_new(key);
    return *fk ? 1 : -1;
}

static void set_clear_internal(gp_set_t *so)
{
    sentry_t *table = so->table;
    gp_ssize_t mask = so->mask, fill = so->fill;
    int small = table == so->smalltable;
    sentry_t copy[MINSIZE];
    if (small) {
        memcpy(copy, table, sizeof copy);
        table = copy;
    }
    so->table = so->smalltable;
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->mask = MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
    if (fill > 0) {
        for (gp_ssize_t i = 0; i <= mask; i++)
            if (table[i].key && table[i].key != &dummy)
                GP_DECREF(table[i].key);
    }
    if (!small)
        free(table);
}

static int set_merge(gp_set_t *so, gp_set_t *other)
{
    if (so == other || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (table_resize(so, (so->used + other->used) * 2) < 0)
            return -1;
    }
    sentry_t *oe = other->table;
    if (so->fill == 0 && so->mask == other->mask &&
        other->fill == other->used) {
        for (gp_ssize_t i = 0; i <= other->mask; i++) {
            if (oe[i].key) {
                so->table[i].key = gp_newref(oe[i].key);
                so->table[i].hash = oe[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (gp_ssize_t i = 0; i <= other->mask; i++) {
            gp_obj_t *k = oe[i].key;
            if (k && k != &dummy)
                insert_clean(so->table, (size_t)so->mask, gp_newref(k),
                             oe[i].hash);
        }
        return 0;
    }
    for (gp_ssize_t i = 0; i <= other->mask; i++) {
        gp_obj_t *k = other->table[i].key;
        if (k && k != &dummy &&
            add_entry(so, gp_newref(k), other->table[i].hash) < 0)
            return -1;
    }
    return 0;
}

static int update_internal(gp_set_t *so, gp_obj_t *other)
{
    if (IS_SETLIKE(other))
        return set_merge(so, S(other));
    if (GP_DICT_CHECK_EXACT(other)) {
        gp_ssize_t n = gp_dict_size(other);
        if ((so->fill + n) * 5 >= so->mask * 3) {
            if (table_resize(so, (so->used + n) * 2) < 0)
                return -1;
        }
        gp_ssize_t pos = 0;
        gp_obj_t *k;
        gp_hash_t h;
        while (gp_dict_next_hash(other, &pos, &k, NULL, &h))
            if (add_entry(so, gp_newref(k), h) < 0)
                return -1;
        return 0;
    }
    gp_obj_t *it = gp_iter(other);
    if (!it)
        return -1;
    for (;;) {
        gp_obj_t *k = gp_iter_next(it);
        if (!k)
            break;
        gp_hash_t h = set_key_hash(k);
        if (h == -1 || add_entry(so, k, h) < 0) {
            if (h == -1)
                GP_DECREF(k);
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

/* A new set or frozenset (of exactly `type`) from an iterable. */
static gp_obj_t *make_new_set(gp_type_t *type, gp_obj_t *iterable)
{
    gp_set_t *so = (gp_set_t *)gp_type_alloc(type, 0);
    if (!so)
        return NULL;
    so->table = so->smalltable;
    so->mask = MINSIZE - 1;
    so->hash = -1;
    gp_gc_track(GP_OBJ(so));
    if (iterable && update_internal(so, iterable) < 0) {
        GP_DECREF(so);
        return NULL;
    }
    return GP_OBJ(so);
}

/* Results of operations on subclasses are of the base type. */
static gp_obj_t *make_new_set_basetype(gp_type_t *type, gp_obj_t *iterable)
{
    if (type != &gp_set_type && type != &gp_frozenset_type)
        type = gp_type_is_subtype(type, &gp_set_type) ? &gp_set_type
                                                      : &gp_frozenset_type;
    return make_new_set(type, iterable);
}

gp_obj_t *gp_set_new(gp_obj_t *iterable)
{
    return make_new_set(&gp_set_type, iterable);
}

gp_obj_t *gp_frozenset_new(gp_obj_t *iterable)
{
    gp_obj_t *r = make_new_set(&gp_frozenset_type, iterable);
    if (r && S(r)->used == 0) {
        GP_DECREF(r);
        return gp_newref(GP_OBJ(&empty_frozenset));
    }
    return r;
}

int gp_set_add(gp_obj_t *set, gp_obj_t *key)
{
    return set_add_key(S(set), key);
}

int gp_set_discard(gp_obj_t *set, gp_obj_t *key)
{
    gp_hash_t h = set_key_hash(key);
    if (h == -1)
        return -1;
    return discard_entry(S(set), key, h);
}

int gp_set_contains(gp_obj_t *set, gp_obj_t *key)
{
    return contains_key(S(set), key);
}

gp_ssize_t gp_set_size(gp_obj_t *set) { return S(set)->used; }

int gp_set_next(gp_obj_t *set, gp_ssize_t *pos, gp_obj_t **key,
                gp_hash_t *hash)
{
    gp_set_t *so = S(set);
    gp_ssize_t i = *pos;
    while (i <= so->mask &&
           (so->table[i].key == NULL || so->table[i].key == &dummy))
        i++;
    if (i > so->mask)
        return 0;
    *pos = i + 1;
    *key = so->table[i].key;
    if (hash)
        *hash = so->table[i].hash;
    return 1;
}

int gp_set_update(gp_obj_t *set, gp_obj_t *iterable)
{
    return update_internal(S(set), iterable);
}

/* ---- the types -------------------------------------------------------- */

static void set_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    gp_set_t *so = S(o);
    for (gp_ssize_t i = 0; i <= so->mask && so->fill; i++)
        if (so->table[i].key && so->table[i].key != &dummy)
            GP_DECREF(so->table[i].key);
    if (so->table != so->smalltable)
        free(so->table);
    gp_object_free(o);
}

static int set_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    gp_set_t *so = S(o);
    for (gp_ssize_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != &dummy)
            GP_VISIT(so->table[i].key);
    return 0;
}

static int set_gc_clear(gp_obj_t *o)
{
    set_clear_internal(S(o));
    return 0;
}

static gp_obj_t *set_repr(gp_obj_t *o)
{
    const char *name = TNAME(o);
    int plain = GP_TYPE(o) == &gp_set_type;
    if (S(o)->used == 0)
        return gp_str_fromformat("%s()", name);
    int r = gp_repr_enter(o);
    if (r != 0)
        return r > 0 ? gp_str_fromformat("%s(...)", name) : NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_obj_t *keys = gp_sequence_list(o);
    if (!keys)
        goto fail;
    if (!plain && (gp_strbuf_cstr(&b, name) < 0 ||
                   gp_strbuf_char(&b, '(') < 0))
        goto fail;
    if (gp_strbuf_char(&b, '{') < 0)
        goto fail;
    for (gp_ssize_t i = 0; i < GP_SIZE(keys); i++) {
        if (i > 0 && gp_strbuf_cstr(&b, ", ") < 0)
            goto fail;
        gp_obj_t *s = gp_repr(GP_LIST_GET(keys, i));
        if (!s)
            goto fail;
        int rc = gp_strbuf_str(&b, s);
        GP_DECREF(s);
        if (rc < 0)
            goto fail;
    }
    if (gp_strbuf_cstr(&b, plain ? "}" : "})") < 0)
        goto fail;
    GP_DECREF(keys);
    gp_repr_leave(o);
    return gp_strbuf_finish(&b);
fail:
    GP_XDECREF(keys);
    gp_strbuf_discard(&b);
    gp_repr_leave(o);
    return NULL;
}

static inline uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static gp_hash_t frozenset_hash(gp_obj_t *o)
{
    gp_set_t *so = S(o);
    if (so->hash != -1)
        return so->hash;
    uint64_t h = 0;
    for (gp_ssize_t i = 0; i <= so->mask; i++)
        h ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        h ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        h ^= shuffle_bits((uint64_t)-1);
    h ^= ((uint64_t)so->used + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uint64_t)-1)
        h = 590923713UL;
    so->hash = (gp_hash_t)h;
    return so->hash;
}

static gp_ssize_t set_len(gp_obj_t *o) { return S(o)->used; }

static int set_contains_slot(gp_obj_t *o, gp_obj_t *key)
{
    int r = contains_key(S(o), key);
    if (r < 0) {
        gp_obj_t *fk;
        int t = retry_as_frozen(key, &fk);
        if (t <= 0)
            return -1;
        r = contains_key(S(o), fk);
        GP_DECREF(fk);
    }
    return r;
}

/* 1 when every key of a is in b. */
static int issubset_internal(gp_set_t *a, gp_set_t *b)
{
    if (a->used > b->used)
        return 0;
    for (gp_ssize_t i = 0; i <= a->mask; i++) {
        gp_obj_t *k = a->table[i].key;
        if (!k || k == &dummy)
            continue;
        GP_INCREF(k);
        int c = contains_entry(b, k, a->table[i].hash);
        GP_DECREF(k);
        if (c <= 0)
            return c;
    }
    return 1;
}

static gp_obj_t *set_richcompare(gp_obj_t *a, gp_obj_t *b, int op)
{
    if (!IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    gp_set_t *x = S(a), *y = S(b);
    int r;
    switch (op) {
    case GP_EQ:
    case GP_NE:
        if (x->used != y->used)
            r = 0;
        else if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
            r = 0;
        else
            r = issubset_internal(x, y);
        if (r >= 0 && op == GP_NE)
            r = !r;
        break;
    case GP_LE:
        r = issubset_internal(x, y);
        break;
    case GP_GE:
        r = issubset_internal(y, x);
        break;
    case GP_LT:
        r = x->used < y->used ? issubset_internal(x, y) : 0;
        break;
    default:
        r = x->used > y->used ? issubset_internal(y, x) : 0;
        break;
    }
    if (r < 0)
        return NULL;
    return gp_bool_from(r);
}

/* ---- the operations --------------------------------------------------- */

static gp_obj_t *set_copy_of(gp_obj_t *so)
{
    return make_new_set_basetype(GP_TYPE(so), so);
}

static gp_obj_t *set_intersection(gp_obj_t *a, gp_obj_t *other)
{
    if (a == other)
        return set_copy_of(a);
    gp_obj_t *res = make_new_set_basetype(GP_TYPE(a), NULL);
    if (!res)
        return NULL;
    if (IS_SETLIKE(other)) {
        gp_set_t *so = S(a), *ot = S(other);
        if (ot->used > so->used) {
            gp_set_t *t = so;
            so = ot;
            ot = t;
        }
        for (gp_ssize_t i = 0; i <= ot->mask; i++) {
            gp_obj_t *k = ot->table[i].key;
            if (!k || k == &dummy)
                continue;
            gp_hash_t h = ot->table[i].hash;
            GP_INCREF(k);
            int c = contains_entry(so, k, h);
            if (c > 0) {
                if (add_entry(S(res), k, h) < 0) {
                    GP_DECREF(res);
                    return NULL;
                }
            } else {
                GP_DECREF(k);
                if (c < 0) {
                    GP_DECREF(res);
                    return NULL;
                }
            }
        }
        return res;
    }
    gp_obj_t *it = gp_iter(other);
    if (!it) {
        GP_DECREF(res);
        return NULL;
    }
    for (;;) {
        gp_obj_t *k = gp_iter_next(it);
        if (!k)
            break;
        gp_hash_t h = set_key_hash(k);
        int c = h == -1 ? -1 : contains_entry(S(a), k, h);
        if (c > 0)
            c = add_entry(S(res), k, h) < 0 ? -1 : 1;
        else
            GP_DECREF(k);
        if (c < 0) {
            GP_DECREF(it);
            GP_DECREF(res);
            return NULL;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred()) {
        GP_DECREF(res);
        return NULL;
    }
    return res;
}

static void swap_bodies(gp_set_t *a, gp_set_t *b)
{
    gp_set_t t;
    size_t off = offsetof(gp_set_t, fill);
    size_t n = sizeof(gp_set_t) - off;
    int as = a->table == a->smalltable, bs = b->table == b->smalltable;
    memcpy((char *)&t + off, (char *)a + off, n);
    memcpy((char *)a + off, (char *)b + off, n);
    memcpy((char *)b + off, (char *)&t + off, n);
    if (bs)
        a->table = a->smalltable;
    if (as)
        b->table = b->smalltable;
    a->hash = b->hash = -1;
}

static int intersection_update(gp_obj_t *so, gp_obj_t *other)
{
    gp_obj_t *tmp = set_intersection(so, other);
    if (!tmp)
        return -1;
    swap_bodies(S(so), S(tmp));
    GP_DECREF(tmp);
    return 0;
}

static int difference_update_internal(gp_set_t *so, gp_obj_t *other)
{
    if (GP_OBJ(so) == other) {
        set_clear_internal(so);
        return 0;
    }
    if (IS_SETLIKE(other)) {
        gp_set_t *ot = S(other);
        for (gp_ssize_t i = 0; i <= ot->mask; i++) {
            gp_obj_t *k = ot->table[i].key;
            if (!k || k == &dummy)
                continue;
            GP_INCREF(k);
            int r = discard_entry(so, k, ot->table[i].hash);
            GP_DECREF(k);
            if (r < 0)
                return -1;
        }
    } else {
        gp_obj_t *it = gp_iter(other);
        if (!it)
            return -1;
        for (;;) {
            gp_obj_t *k = gp_iter_next(it);
            if (!k)
                break;
            int r = gp_set_discard(GP_OBJ(so), k);
            GP_DECREF(k);
            if (r < 0) {
                GP_DECREF(it);
                return -1;
            }
        }
        GP_DECREF(it);
        if (gp_err_occurred())
            return -1;
    }
    /* shrink a table that lost most of its entries, as CPython */
    if ((size_t)(so->fill - so->used) * 5 >= (size_t)so->mask * 3)
        return table_resize(so, so->used > 50000 ? so->used * 2
                                                 : so->used * 4);
    return 0;
}

static gp_obj_t *set_difference(gp_obj_t *a, gp_obj_t *other)
{
    gp_ssize_t osize;
    if (IS_SETLIKE(other))
        osize = S(other)->used;
    else if (GP_DICT_CHECK_EXACT(other))
        osize = gp_dict_size(other);
    else
        osize = -1;
    if (osize < 0 || (S(a)->used >> 2) > osize) {
        gp_obj_t *r = set_copy_of(a);
        if (!r)
            return NULL;
        if (difference_update_internal(S(r), other) < 0) {
            GP_DECREF(r);
            return NULL;
        }
        return r;
    }
    gp_obj_t *res = make_new_set_basetype(GP_TYPE(a), NULL);
    if (!res)
        return NULL;
    gp_set_t *so = S(a);
    for (gp_ssize_t i = 0; i <= so->mask; i++) {
        gp_obj_t *k = so->table[i].key;
        if (!k || k == &dummy)
            continue;
        gp_hash_t h = so->table[i].hash;
        GP_INCREF(k);
        int c;
        if (GP_DICT_CHECK_EXACT(other))
            c = gp_dict_getitem_hash(other, k, h) != NULL;
        else
            c = contains_entry(S(other), k, h);
        if (gp_err_occurred())
            c = -1;
        if (c == 0) {
            if (add_entry(S(res), k, h) < 0) {
                GP_DECREF(res);
                return NULL;
            }
            continue;
        }
        GP_DECREF(k);
        if (c < 0) {
            GP_DECREF(res);
            return NULL;
        }
    }
    return res;
}

static int symmetric_difference_update(gp_obj_t *so, gp_obj_t *other)
{
    if (so == other) {
        set_clear_internal(S(so));
        return 0;
    }
    if (GP_DICT_CHECK_EXACT(other)) {
        gp_ssize_t pos = 0;
        gp_obj_t *k;
        gp_hash_t h;
        while (gp_dict_next_hash(other, &pos, &k, NULL, &h)) {
            GP_INCREF(k);
            int r = discard_entry(S(so), k, h);
            if (r == 0)
                r = add_entry(S(so), k, h);
            else
                GP_DECREF(k);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    gp_obj_t *os;
    if (IS_SETLIKE(other))
        os = gp_newref(other);
    else if (!(os = make_new_set_basetype(GP_TYPE(so), other)))
        return -1;
    gp_set_t *ot = S(os);
    for (gp_ssize_t i = 0; i <= ot->mask; i++) {
        gp_obj_t *k = ot->table[i].key;
        if (!k || k == &dummy)
            continue;
        gp_hash_t h = ot->table[i].hash;
        GP_INCREF(k);
        int r = discard_entry(S(so), k, h);
        if (r == 0)
            r = add_entry(S(so), k, h);
        else
            GP_DECREF(k);
        if (r < 0) {
            GP_DECREF(os);
            return -1;
        }
    }
    GP_DECREF(os);
    return 0;
}

static gp_obj_t *set_symmetric_difference(gp_obj_t *a, gp_obj_t *other)
{
    gp_obj_t *r = set_copy_of(a);
    if (!r)
        return NULL;
    if (symmetric_difference_update(r, other) < 0) {
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

static gp_obj_t *set_union(gp_obj_t *a, gp_obj_t *other)
{
    gp_obj_t *r = set_copy_of(a);
    if (!r)
        return NULL;
    if (update_internal(S(r), other) < 0) {
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

/* ---- methods ---------------------------------------------------------- */

static gp_obj_t *set_add_m(gp_obj_t *self, gp_obj_t *key)
{
    if (set_add_key(S(self), key) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *set_clear_m(gp_obj_t *self, gp_obj_t *unused)
{
    set_clear_internal(S(self));
    GP_RETURN_NONE;
}

static gp_obj_t *set_copy_m(gp_obj_t *self, gp_obj_t *unused)
{
    return set_copy_of(self);
}

static gp_obj_t *frozenset_copy_m(gp_obj_t *self, gp_obj_t *unused)
{
    if (GP_TYPE(self) == &gp_frozenset_type)
        return gp_newref(self);
    return set_copy_of(self);
}

/* 1 removed, 0 missing, -1 error; a set key is tried as a frozenset. */
static int discard_key_retry(gp_obj_t *self, gp_obj_t *key)
{
    int r = gp_set_discard(self, key);
    if (r < 0) {
        gp_obj_t *fk;
        int t = retry_as_frozen(key, &fk);
        if (t <= 0)
            return -1;
        r = gp_set_discard(self, fk);
        GP_DECREF(fk);
    }
    return r;
}

static gp_obj_t *set_discard_m(gp_obj_t *self, gp_obj_t *key)
{
    if (discard_key_retry(self, key) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *set_remove_m(gp_obj_t *self, gp_obj_t *key)
{
    int r = discard_key_retry(self, key);
    if (r < 0)
        return NULL;
    if (r == 0) {
        gp_err_set_key(key);
        return NULL;
    }
    GP_RETURN_NONE;
}

static gp_obj_t *set_pop_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_set_t *so = S(self);
    if (so->used == 0) {
        gp_err_set_str(&gp_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    sentry_t *entry = so->table + (so->finger & so->mask);
    sentry_t *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == &dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    gp_obj_t *key = entry->key;
    entry->key = &dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static gp_obj_t *set_contains_m(gp_obj_t *self, gp_obj_t *key)
{
    int r = set_contains_slot(self, key);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_obj_t *set_union_m(gp_obj_t *self, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    gp_obj_t *r = set_copy_of(self);
    if (!r)
        return NULL;
    for (gp_ssize_t i = 0; i < nargs; i++) {
        if (update_internal(S(r), args[i]) < 0) {
            GP_DECREF(r);
            return NULL;
        }
    }
    return r;
}

static gp_obj_t *set_update_m(gp_obj_t *self, gp_obj_t *const *args,
                              gp_ssize_t nargs)
{
    for (gp_ssize_t i = 0; i < nargs; i++)
        if (update_internal(S(self), args[i]) < 0)
            return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *set_intersection_m(gp_obj_t *self, gp_obj_t *const *args,
                                    gp_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy_of(self);
    gp_obj_t *r = gp_newref(self);
    for (gp_ssize_t i = 0; i < nargs; i++) {
        gp_obj_t *n = set_intersection(r, args[i]);
        GP_DECREF(r);
        if (!n)
            return NULL;
        r = n;
    }
    return r;
}

static gp_obj_t *set_intersection_update_m(gp_obj_t *self,
                                           gp_obj_t *const *args,
                                           gp_ssize_t nargs)
{
    gp_obj_t *tmp = set_intersection_m(self, args, nargs);
    if (!tmp)
        return NULL;
    swap_bodies(S(self), S(tmp));
    GP_DECREF(tmp);
    GP_RETURN_NONE;
}

static gp_obj_t *set_difference_m(gp_obj_t *self, gp_obj_t *const *args,
                                  gp_ssize_t nargs)
{
    if (nargs == 0)
        return set_copy_of(self);
    gp_obj_t *r = set_difference(self, args[0]);
    for (gp_ssize_t i = 1; r && i < nargs; i++) {
        if (difference_update_internal(S(r), args[i]) < 0) {
            GP_DECREF(r);
            return NULL;
        }
    }
    return r;
}

static gp_obj_t *set_difference_update_m(gp_obj_t *self,
                                         gp_obj_t *const *args,
                                         gp_ssize_t nargs)
{
    for (gp_ssize_t i = 0; i < nargs; i++)
        if (difference_update_internal(S(self), args[i]) < 0)
            return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *set_symdiff_m(gp_obj_t *self, gp_obj_t *other)
{
    return set_symmetric_difference(self, other);
}

static gp_obj_t *set_symdiff_update_m(gp_obj_t *self, gp_obj_t *other)
{
    if (symmetric_difference_update(self, other) < 0)
        return NULL;
    GP_RETURN_NONE;
}

/* other as a set (new ref): itself when already one. */
static gp_obj_t *as_set(gp_obj_t *self, gp_obj_t *other)
{
    if (IS_SETLIKE(other))
        return gp_newref(other);
    return make_new_set(&gp_set_type, other);
}

static gp_obj_t *set_issubset_m(gp_obj_t *self, gp_obj_t *other)
{
    gp_obj_t *o = as_set(self, other);
    if (!o)
        return NULL;
    int r = issubset_internal(S(self), S(o));
    GP_DECREF(o);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_obj_t *set_issuperset_m(gp_obj_t *self, gp_obj_t *other)
{
    if (IS_SETLIKE(other)) {
        int r = issubset_internal(S(other), S(self));
        return r < 0 ? NULL : gp_bool_from(r);
    }
    gp_obj_t *it = gp_iter(other);
    if (!it)
        return NULL;
    for (;;) {
        gp_obj_t *k = gp_iter_next(it);
        if (!k)
            break;
        int c = contains_key(S(self), k);
        GP_DECREF(k);
        if (c <= 0) {
            GP_DECREF(it);
            return c < 0 ? NULL : gp_bool_from(0);
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    GP_RETURN_TRUE;
}

static gp_obj_t *set_isdisjoint_m(gp_obj_t *self, gp_obj_t *other)
{
    if (IS_SETLIKE(other)) {
        gp_set_t *a = S(self), *b = S(other);
        if (a->used > b->used) {
            gp_set_t *t = a;
            a = b;
            b = t;
        }
        for (gp_ssize_t i = 0; i <= a->mask; i++) {
            gp_obj_t *k = a->table[i].key;
            if (!k || k == &dummy)
                continue;
            GP_INCREF(k);
            int c = contains_entry(b, k, a->table[i].hash);
            GP_DECREF(k);
            if (c != 0)
                return c < 0 ? NULL : gp_bool_from(0);
        }
        GP_RETURN_TRUE;
    }
    gp_obj_t *it = gp_iter(other);
    if (!it)
        return NULL;
    for (;;) {
        gp_obj_t *k = gp_iter_next(it);
        if (!k)
            break;
        int c = contains_key(S(self), k);
        GP_DECREF(k);
        if (c != 0) {
            GP_DECREF(it);
            return c < 0 ? NULL : gp_bool_from(0);
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    GP_RETURN_TRUE;
}

static gp_obj_t *set_sizeof_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_ssize_t n = (gp_ssize_t)sizeof(gp_set_t);
    if (S(self)->table != S(self)->smalltable)
        n += (S(self)->mask + 1) * (gp_ssize_t)sizeof(sentry_t);
    return gp_int_from_ssize(n);
}

static gp_obj_t *set_reduce_m(gp_obj_t *self, gp_obj_t *unused)
{
    gp_obj_t *keys = gp_sequence_list(self);
    if (!keys)
        return NULL;
    gp_obj_t *args = gp_tuple_pack(1, keys);
    GP_DECREF(keys);
    if (!args)
        return NULL;
    gp_obj_t *d = NULL;
    gp_obj_t **dp = gp_object_dictptr(self);
    d = dp && *dp ? *dp : GP_NONE;
    gp_obj_t *r = gp_tuple_pack(3, GP_OBJ(GP_TYPE(self)), args, d);
    GP_DECREF(args);
    return r;
}

#define COMMON_METHODS \
    {"__contains__", GP_METH_FN(set_contains_m), GP_METH_O, \
     "x.__contains__(y) <==> y in x."}, \
    {"__sizeof__", GP_METH_FN(set_sizeof_m), GP_METH_NOARGS, NULL}, \
    {"__reduce__", GP_METH_FN(set_reduce_m), GP_METH_NOARGS, NULL}, \
    {"difference", GP_METH_FN(set_difference_m), GP_METH_FASTCALL, \
     "Return the difference of two or more sets as a new set."}, \
    {"intersection", GP_METH_FN(set_intersection_m), GP_METH_FASTCALL, \
     "Return the intersection of two sets as a new set."}, \
    {"isdisjoint", GP_METH_FN(set_isdisjoint_m), GP_METH_O, \
     "Return True if two sets have a null intersection."}, \
    {"issubset", GP_METH_FN(set_issubset_m), GP_METH_O, \
     "Report whether another set contains this set."}, \
    {"issuperset", GP_METH_FN(set_issuperset_m), GP_METH_O, \
     "Report whether this set contains another set."}, \
    {"symmetric_difference", GP_METH_FN(set_symdiff_m), GP_METH_O, \
     "Return the symmetric difference of two sets as a new set."}, \
    {"union", GP_METH_FN(set_union_m), GP_METH_FASTCALL, \
     "Return the union of sets as a new set."},

static gp_methoddef_t set_methods[] = {
    COMMON_METHODS
    {"add", GP_METH_FN(set_add_m), GP_METH_O, "Add an element to a set."},
    {"clear", GP_METH_FN(set_clear_m), GP_METH_NOARGS,
     "Remove all elements from this set."},
    {"copy", GP_METH_FN(set_copy_m), GP_METH_NOARGS,
     "Return a shallow copy of a set."},
    {"discard", GP_METH_FN(set_discard_m), GP_METH_O,
     "Remove an element from a set if it is a member."},
    {"remove", GP_METH_FN(set_remove_m), GP_METH_O,
     "Remove an element from a set; it must be a member."},
    {"pop", GP_METH_FN(set_pop_m), GP_METH_NOARGS,
     "Remove and return an arbitrary set element."},
    {"update", GP_METH_FN(set_update_m), GP_METH_FASTCALL,
     "Update a set with the union of itself and others."},
    {"intersection_update", GP_METH_FN(set_intersection_update_m),
     GP_METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"difference_update", GP_METH_FN(set_difference_update_m),
     GP_METH_FASTCALL, "Remove all elements of another set from this set."},
    {"symmetric_difference_update", GP_METH_FN(set_symdiff_update_m),
     GP_METH_O, "Update a set with the symmetric difference of itself and "
     "another."},
    {NULL, NULL, 0, NULL},
};

static gp_methoddef_t frozenset_methods[] = {
    COMMON_METHODS
    {"copy", GP_METH_FN(frozenset_copy_m), GP_METH_NOARGS,
     "Return a shallow copy of a set."},
    {NULL, NULL, 0, NULL},
};

/* ---- operators -------------------------------------------------------- */

static gp_obj_t *set_and(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(a) || !IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    return set_intersection(a, b);
}

static gp_obj_t *set_or(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(a) || !IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    return set_union(a, b);
}

static gp_obj_t *set_sub(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(a) || !IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    return set_difference(a, b);
}

static gp_obj_t *set_xor(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(a) || !IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference(a, b);
}

static gp_obj_t *set_iand(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (intersection_update(a, b) < 0)
        return NULL;
    return gp_newref(a);
}

static gp_obj_t *set_ior(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (update_internal(S(a), b) < 0)
        return NULL;
    return gp_newref(a);
}

static gp_obj_t *set_isub(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (difference_update_internal(S(a), b) < 0)
        return NULL;
    return gp_newref(a);
}

static gp_obj_t *set_ixor(gp_obj_t *a, gp_obj_t *b)
{
    if (!IS_SETLIKE(b))
        GP_RETURN_NOTIMPLEMENTED;
    if (symmetric_difference_update(a, b) < 0)
        return NULL;
    return gp_newref(a);
}

/* ---- iterator --------------------------------------------------------- */

typedef struct {
    gp_obj_t ob;
    gp_obj_t *set;          /* NULL once exhausted */
    gp_ssize_t used;
    gp_ssize_t pos;
    gp_ssize_t len;
} setiter_t;

static void setiter_dealloc(gp_obj_t *o)
{
    gp_gc_untrack(o);
    GP_XDECREF(((setiter_t *)o)->set);
    gp_object_free(o);
}

static int setiter_traverse(gp_obj_t *o, gp_visit_fn visit, void *arg)
{
    GP_VISIT(((setiter_t *)o)->set);
    return 0;
}

static gp_obj_t *iter_self(gp_obj_t *o) { return gp_newref(o); }

static gp_obj_t *setiter_next(gp_obj_t *o)
{
    setiter_t *it = (setiter_t *)o;
    gp_obj_t *s = it->set;
    if (!s)
        return NULL;
    if (it->used != S(s)->used) {
        gp_err_set_str(&gp_exc_RuntimeError,
                       "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    gp_obj_t *k;
    if (!gp_set_next(s, &it->pos, &k, NULL)) {
        it->set = NULL;
        GP_DECREF(s);
        return NULL;
    }
    it->len--;
    return gp_newref(k);
}

static gp_obj_t *setiter_length_hint(gp_obj_t *o, gp_obj_t *unused)
{
    setiter_t *it = (setiter_t *)o;
    gp_ssize_t n = 0;
    if (it->set && it->used == S(it->set)->used)
        n = it->len;
    return gp_int_from_ssize(n);
}

static gp_methoddef_t setiter_methods[] = {
    {"__length_hint__", GP_METH_FN(setiter_length_hint), GP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t setiter_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "set_iterator",
    .basicsize = sizeof(setiter_t),
    .flags = GP_TPFLAGS_HAVE_GC,
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .iter = iter_self,
    .iternext = setiter_next,
    .methods = setiter_methods,
    .base = &gp_object_type,
};

static gp_obj_t *set_iter(gp_obj_t *o)
{
    setiter_t *it = (setiter_t *)gp_type_alloc(&setiter_type, 0);
    if (!it)
        return NULL;
    it->set = gp_newref(o);
    it->used = S(o)->used;
    it->len = S(o)->used;
    it->pos = 0;
    gp_gc_track(GP_OBJ(it));
    return GP_OBJ(it);
}

/* ---- construction ----------------------------------------------------- */

static gp_obj_t *set_new_(gp_type_t *type, gp_obj_t *const *args,
                          gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_set_type && gp_arg_no_kw("set", kwnames) < 0)
        return NULL;
    return make_new_set(type, NULL);
}

static int set_init(gp_obj_t *self, gp_obj_t *const *args, gp_ssize_t nargs,
                    gp_obj_t *kwnames)
{
    if (GP_TYPE(self) == &gp_set_type && gp_arg_no_kw("set", kwnames) < 0)
        return -1;
    if (gp_arg_count("set", nargs, 0, 1) < 0)
        return -1;
    if (S(self)->fill)
        set_clear_internal(S(self));
    if (nargs == 1)
        return update_internal(S(self), args[0]);
    return 0;
}

static gp_obj_t *frozenset_new_(gp_type_t *type, gp_obj_t *const *args,
                                gp_ssize_t nargs, gp_obj_t *kwnames)
{
    if (type == &gp_frozenset_type && gp_arg_no_kw("frozenset", kwnames) < 0)
        return NULL;
    if (gp_arg_count("frozenset", nargs, 0, 1) < 0)
        return NULL;
    if (type != &gp_frozenset_type)
        return make_new_set(type, nargs ? args[0] : NULL);
    if (nargs == 0)
        return gp_newref(GP_OBJ(&empty_frozenset));
    if (GP_TYPE(args[0]) == &gp_frozenset_type)
        return gp_newref(args[0]);
    return gp_frozenset_new(args[0]);
}

static gp_number_methods_t set_as_number = {
    .binop = {[GP_NB_AND] = set_and, [GP_NB_OR] = set_or,
              [GP_NB_SUBTRACT] = set_sub, [GP_NB_XOR] = set_xor},
    .ibinop = {[GP_NB_AND] = set_iand, [GP_NB_OR] = set_ior,
               [GP_NB_SUBTRACT] = set_isub, [GP_NB_XOR] = set_ixor},
};

static gp_number_methods_t frozenset_as_number = {
    .binop = {[GP_NB_AND] = set_and, [GP_NB_OR] = set_or,
              [GP_NB_SUBTRACT] = set_sub, [GP_NB_XOR] = set_xor},
};

static gp_sequence_methods_t set_as_sequence = {
    .length = set_len,
    .contains = set_contains_slot,
};

gp_type_t gp_set_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "set",
    .basicsize = sizeof(gp_set_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = gp_hash_not_implemented,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = set_new_,
    .init = set_init,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .as_number = &set_as_number,
    .as_sequence = &set_as_sequence,
    .methods = set_methods,
    .base = &gp_object_type,
    .doc = "set() -> new empty set object\n"
           "set(iterable) -> new set object\n\n"
           "Build an unordered collection of unique elements.",
};

gp_type_t gp_frozenset_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "frozenset",
    .basicsize = sizeof(gp_set_t),
    .flags = GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASETYPE |
             GP_TPFLAGS_IMMUTABLETYPE,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = frozenset_new_,
    .traverse = set_traverse,
    .clear = set_gc_clear,
    .as_number = &frozenset_as_number,
    .as_sequence = &set_as_sequence,
    .methods = frozenset_methods,
    .base = &gp_object_type,
    .doc = "frozenset() -> empty frozenset object\n"
           "frozenset(iterable) -> frozenset object\n\n"
           "Build an immutable unordered collection of unique elements.",
};

int gp_obj_set_init(void)
{
    empty_frozenset.table = empty_frozenset.smalltable;
    if (gp_type_ready(&gp_set_type) < 0 ||
        gp_type_ready(&gp_frozenset_type) < 0 ||
        gp_type_ready(&setiter_type) < 0)
        return -1;
    return 0;
}
