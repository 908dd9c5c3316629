/*
** strobj.h — str: immutable Unicode text stored one, two or four bytes
** per code point (PEP 393), so indexing is O(1).  Lone surrogates are
** legal code points, as in Python.  The UTF-8 form is made on demand and
** cached (for an ASCII string it is the data itself).  Interned strings
** (identifiers, ids.h) compare by pointer first.  Hash: SipHash-1-3 as
** CPython 3.11, keyed from PYTHONHASHSEED (0 = zero key, as CPython, so
** set orders match CPython's with PYTHONHASHSEED=0).
** Guard: immutable after creation; the lazy hash and UTF-8 caches are
** written under the GIL.
*/
#ifndef GP_STROBJ_H
#define GP_STROBJ_H

#include <stdarg.h>
#include "object.h"

typedef struct {
    gp_varobj_t ob;         /* ob.size: length in code points */
    gp_hash_t hash;         /* -1 until computed */
    uint8_t kind;           /* 1, 2 or 4 bytes per code point */
    uint8_t ascii;          /* every code point < 128 */
    uint8_t interned;
    uint8_t utf8_sp;        /* utf8 holds surrogates (surrogatepass form):
                               there is no strict UTF-8 form */
    char *utf8;             /* cached UTF-8, NUL-terminated, or NULL */
    gp_ssize_t utf8_len;
    /* (size + 1) * kind bytes of code points follow, 0-terminated */
} gp_str_t;

extern gp_type_t gp_str_type;
#define GP_STR_CHECK(o)       GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_STR_SUBCLASS)
#define GP_STR_CHECK_EXACT(o) (GP_TYPE(o) == &gp_str_type)
#define GP_STR_DATA(o)        ((void *)((gp_str_t *)(o) + 1))
#define GP_STR_KIND(o)        (((gp_str_t *)(o))->kind)
#define GP_STR_LEN(o)         GP_SIZE(o)

static inline uint32_t gp_str_read(gp_obj_t *o, gp_ssize_t i)
{
    const void *d = GP_STR_DATA(o);
    switch (GP_STR_KIND(o)) {
    case 1: return ((const uint8_t *)d)[i];
    case 2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}

/* Strict UTF-8 (UnicodeDecodeError 'utf-8' codec can't decode ...). */
gp_obj_t *gp_str_from_utf8(const char *s, gp_ssize_t len);
/* UTF-8 where encoded surrogates (ED A0 80 ...) stand for themselves, as
** "surrogatepass"; what the parser produces for "\ud800" literals. */
gp_obj_t *gp_str_from_utf8_sp(const char *s, gp_ssize_t len);
gp_obj_t *gp_str_from_cstr(const char *s);          /* UTF-8, strict */
gp_obj_t *gp_str_from_latin1(const char *s, gp_ssize_t len);
gp_obj_t *gp_str_from_ucs4(const uint32_t *cps, gp_ssize_t n);
gp_obj_t *gp_str_from_char(uint32_t cp);            /* chr(cp); cached < 256 */
/* A new string of n code points, all < 256 / 65536 / 0x110000 as maxchar
** says, to be filled through GP_STR_DATA before anyone sees it.  maxchar
** must be the largest code point it will hold (any value < 128 for ASCII
** text), as PyUnicode_New: it decides the kind and the ascii flag, and
** equal strings must have the same kind. */
gp_obj_t *gp_str_new(gp_ssize_t n, uint32_t maxchar);
gp_obj_t *gp_str_empty(void);                        /* "" (immortal) */

/* The UTF-8 form (borrowed, NUL-terminated, lives as long as o); NULL +
** UnicodeEncodeError when o holds a lone surrogate.  len may be NULL. */
const char *gp_str_utf8(gp_obj_t *o, gp_ssize_t *len);
/* The same but surrogates encoded as "surrogatepass" (never fails except
** for memory); for messages and file names. */
const char *gp_str_utf8_sp(gp_obj_t *o, gp_ssize_t *len);

gp_hash_t gp_str_hash(gp_obj_t *o);
int gp_str_eq(gp_obj_t *a, gp_obj_t *b);            /* both str: 1/0 */
int gp_str_eq_cstr(gp_obj_t *a, const char *s);     /* ASCII s */
int gp_str_compare(gp_obj_t *a, gp_obj_t *b);       /* -1/0/1 */
gp_obj_t *gp_str_concat(gp_obj_t *a, gp_obj_t *b);
/* *pa += b for the VM's `s += t` on a str nobody else holds: when *pa is
** an exact str with a reference count of 1 (the caller's) it grows in
** place (amortised, so a loop of += is linear), else *pa is replaced by
** the concatenation.  Both must be str.  0, or -1 with *pa unchanged. */
int gp_str_append_inplace(gp_obj_t **pa, gp_obj_t *b);
gp_obj_t *gp_str_substring(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end);
gp_obj_t *gp_str_join(gp_obj_t *sep, gp_obj_t *iterable);
/* ''.join(items[0:n]) for n str objects (the VM's BUILD_STRING):
** TypeError "sequence item 1: expected str instance, int found" else. */
gp_obj_t *gp_str_concat_array(gp_obj_t *const *items, gp_ssize_t n);
/* For int() and float() of text: s with every Unicode space made ' ' and
** every Unicode decimal digit its ASCII digit; at the first other
** non-ASCII character, a '?' ends the result (CPython's
** _PyUnicode_TransformDecimalAndSpaceToASCII).  s itself when ASCII. */
gp_obj_t *gp_str_transform_decimal(gp_obj_t *s);
gp_ssize_t gp_str_find_char(gp_obj_t *o, uint32_t ch, gp_ssize_t start,
                            gp_ssize_t end);
/* Python's repr of a str (quotes chosen as CPython does). */
gp_obj_t *gp_str_repr(gp_obj_t *o);
/* PyUnicode_FromFormat: %s (UTF-8 char *), %d %i %u %ld %lu %lld %llu
** %zd %zu %x %c (int code point) %p, %U (str), %S (str(obj)), %R
** (repr(obj)), %A (ascii(obj)), %V (str or, if NULL, char *), with
** %.Ns / %.NU / %.NS / %.NR precision cuts, and %%. */
gp_obj_t *gp_str_fromformat(const char *fmt, ...);
gp_obj_t *gp_str_fromformatv(const char *fmt, va_list ap);

/* Interning (per interpreter table, seeded with ids.h): replaces *p by
** the interned equal string. */
void gp_str_intern(gp_obj_t **p);
gp_obj_t *gp_str_intern_cstr(const char *s);        /* new reference */

/* str % args and str.format(*args, **kw) (the built-in formatting). */
gp_obj_t *gp_str_mod(gp_obj_t *fmt, gp_obj_t *args);
/* format(value, spec) for str (spec a str). */
gp_obj_t *gp_str_format_spec(gp_obj_t *o, gp_obj_t *spec);
/* Raise what a formatspec.h call reported (and clear it); NULL. */
gp_obj_t *gp_fspec_raise(void *fspec_error);

/* A growable string under construction (code points up to 0x10FFFF). */
typedef struct {
    uint32_t *buf;
    gp_ssize_t len, cap;
    uint32_t maxchar;
} gp_strbuf_t;
void gp_strbuf_init(gp_strbuf_t *b);
int gp_strbuf_char(gp_strbuf_t *b, uint32_t cp);
int gp_strbuf_cstr(gp_strbuf_t *b, const char *utf8);
int gp_strbuf_utf8(gp_strbuf_t *b, const char *s, gp_ssize_t len);
int gp_strbuf_str(gp_strbuf_t *b, gp_obj_t *str);
int gp_strbuf_substr(gp_strbuf_t *b, gp_obj_t *str, gp_ssize_t start,
                     gp_ssize_t end);
gp_obj_t *gp_strbuf_finish(gp_strbuf_t *b);         /* frees the buffer */
void gp_strbuf_discard(gp_strbuf_t *b);

/* ---- start-up and the other types of the str files ------------------- */

/* Makes str and its iterators ready and builds the immortal strings of
** ids.h; called by gp_types_init().  (The empty string and the 256
** one-character latin-1 strings are static: usable even before.)  0 / -1. */
int gp_obj_str_init(void);
extern gp_type_t gp_str_iter_type, gp_str_ascii_iter_type;
/* ids.c: makes the immortal interned strings of ids.h (gp_id_table);
** called by gp_obj_str_init. */
int gp_ids_init(void);

/* ---- hashing (siphash.c) --------------------------------------------- */

uint64_t gp_siphash13(uint64_t k0, uint64_t k1, const void *src, size_t n);
/* CPython's _Py_HashBytes: SipHash-1-3 under the process's key; 0 for
** n == 0; never -1.  Works before any interpreter exists. */
gp_hash_t gp_hash_bytes(const void *src, gp_ssize_t n);
/* The key CPython derives from PYTHONHASHSEED=seed (0: all zero). */
void gp_hash_key_from_seed(uint32_t seed, uint64_t key[2]);
/* Set the process's key from the environment and return it in key[]:
** PYTHONHASHSEED unset or "random" -> random (*seeded 0); an integer in
** [0; 4294967295] -> as gp_hash_key_from_seed (*seeded 1).  -1 when the
** variable is invalid: the caller stops with CPython's fatal message
** "PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]".
** Call it once, at process start, before gp_types_init() and any thread;
** copy key[] into every gp_interp_t.hash_key (for sys.hash_info and the
** like: hashing itself always uses the process's key).  Never called, the
** key is zero (PYTHONHASHSEED=0). */
int gp_hash_key_init(uint64_t key[2], int *seeded);

/* ---- shared by obj_str.c, str_methods.c, str_format.c, codecs.c ------ */

/* A canonical (narrowest kind) str from n code units of the given kind. */
gp_obj_t *gp_str_from_kind(int kind, const void *data, gp_ssize_t n);
/* o (a str or subclass) as an exact str: new reference. */
gp_obj_t *gp_str_exact(gp_obj_t *o);
/* The largest code point of o[start:end] (127 for any part of an ASCII
** string: what decides the kind is all callers need). */
uint32_t gp_str_maxchar(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end);
/* Search sub in o[start:end] (indices already clamped): mode
** GP_SEARCH_FIND (first index or -1), GP_SEARCH_RFIND (last index or
** -1), GP_SEARCH_COUNT (non-overlapping occurrences, at most maxcount). */
enum { GP_SEARCH_FIND, GP_SEARCH_RFIND, GP_SEARCH_COUNT };
gp_ssize_t gp_str_search(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end,
                         gp_obj_t *sub, int mode, gp_ssize_t maxcount);
/* The same on raw data: needle[0:m] (m >= 1) in hay[0:n], both of the
** given kind; hay[n] must be readable (a str's data has a terminator). */
gp_ssize_t gp_str_search_raw(int kind, const void *hay, gp_ssize_t n,
                             const void *needle, gp_ssize_t m, int mode,
                             gp_ssize_t maxcount);
/* Copy n code points from src[spos:] into dst[dpos:] (any two kinds; the
** code points must fit the destination kind). */
void gp_str_copy(void *dst, int dkind, gp_ssize_t dpos, const void *src,
                 int skind, gp_ssize_t spos, gp_ssize_t n);
static inline void gp_str_put(int kind, void *d, gp_ssize_t i, uint32_t c)
{
    switch (kind) {
    case 1: ((uint8_t *)d)[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)d)[i] = (uint16_t)c; break;
    default: ((uint32_t *)d)[i] = c; break;
    }
}
static inline uint32_t gp_str_get(int kind, const void *d, gp_ssize_t i)
{
    switch (kind) {
    case 1: return ((const uint8_t *)d)[i];
    case 2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}
/* The method table of str (str_methods.c). */
extern gp_methoddef_t gp_str_methods[];
/* str.format(*args, **kw) and str.format_map(mapping) (str_format.c). */
gp_obj_t *gp_str_format(gp_obj_t *fmt, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames);
gp_obj_t *gp_str_format_map(gp_obj_t *fmt, gp_obj_t *mapping);
/* UTF-8 of o into a malloc'd NUL-terminated buffer (codecs.c).  With sp,
** surrogates are written as surrogatepass does; without, a surrogate
** stops it: NULL with *badpos its index and no exception set.  NULL with
** *badpos -1: MemoryError raised. */
char *gp_utf8_encode_str(gp_obj_t *o, gp_ssize_t *len, int sp,
                         gp_ssize_t *badpos);
/* Raise UnicodeEncodeError(encoding, o, start, end, reason). */
void gp_err_unicode_encode(const char *encoding, gp_obj_t *o,
                           gp_ssize_t start, gp_ssize_t end,
                           const char *reason);

#endif
