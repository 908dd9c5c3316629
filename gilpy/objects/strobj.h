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
** says, to be filled through GP_STR_DATA before anyone sees it. */
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
gp_obj_t *gp_str_substring(gp_obj_t *o, gp_ssize_t start, gp_ssize_t end);
gp_obj_t *gp_str_join(gp_obj_t *sep, gp_obj_t *iterable);
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

#endif
