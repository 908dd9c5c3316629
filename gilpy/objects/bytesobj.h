/*
** bytesobj.h — bytes (immutable) and bytearray (mutable, over-allocated).
** Guard: the GIL; bytes are immutable after creation.
*/
#ifndef GP_BYTESOBJ_H
#define GP_BYTESOBJ_H

#include "object.h"

typedef struct {
    gp_varobj_t ob;         /* ob.size: length */
    gp_hash_t hash;         /* -1 until computed */
    char data[1];           /* size + 1 bytes, NUL-terminated */
} gp_bytes_t;

typedef struct {
    gp_varobj_t ob;         /* ob.size: length */
    gp_ssize_t alloc;
    char *data;             /* alloc bytes, NUL after size */
    gp_ssize_t exports;     /* unused (no buffer protocol yet) */
} gp_bytearray_t;

extern gp_type_t gp_bytes_type, gp_bytearray_type;
#define GP_BYTES_CHECK(o)     GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_BYTES_SUBCLASS)
#define GP_BYTEARRAY_CHECK(o) GP_ISINSTANCE_OF(o, &gp_bytearray_type)
#define GP_BYTES_DATA(o)      (((gp_bytes_t *)(o))->data)
#define GP_BYTEARRAY_DATA(o)  (((gp_bytearray_t *)(o))->data)

gp_obj_t *gp_bytes_from(const char *s, gp_ssize_t n);  /* s NULL: zeroed */
gp_obj_t *gp_bytes_repr(gp_obj_t *o);                   /* b'...' */
gp_obj_t *gp_bytearray_from(const char *s, gp_ssize_t n);
int gp_bytearray_resize(gp_obj_t *o, gp_ssize_t n);
/* The bytes of a bytes or bytearray (borrowed; for bytes-like args).
** TypeError "a bytes-like object is required, not 'str'" otherwise. */
int gp_bytes_view(gp_obj_t *o, const char **data, gp_ssize_t *len);
/* str.encode / bytes.decode for utf-8, ascii, latin-1 with strict,
** ignore, replace, surrogatepass, surrogateescape, backslashreplace. */
gp_obj_t *gp_str_encode(gp_obj_t *str, const char *encoding,
                        const char *errors);
gp_obj_t *gp_bytes_decode(const char *s, gp_ssize_t n, const char *encoding,
                          const char *errors);
/* xmlcharrefreplace works for encoding only (as in CPython).  encoding
** NULL means utf-8, errors NULL strict.  LookupError "unknown encoding: x"
** and "unknown error handler name 'x'" (the latter only when an error
** needs the handler, as CPython). */

/* codecs.c: which codec an encoding name (any CPython alias: "UTF8",
** "latin1", "iso-8859-1", "us-ascii" ...) means; -1 with LookupError
** "unknown encoding: x". */
enum { GP_ENC_UTF8, GP_ENC_ASCII, GP_ENC_LATIN1 };
int gp_codec_lookup(const char *encoding);
const char *gp_codec_name(int enc);     /* "utf-8", "ascii", "latin-1" */

/* Makes bytes, bytearray and their iterators ready; called by
** gp_types_init().  (The empty bytes and the 256 one-byte bytes are
** static and immortal.)  0 / -1. */
int gp_obj_bytes_init(void);
extern gp_type_t gp_bytes_iter_type, gp_bytearray_iter_type;

/* ---- shared by obj_bytes.c, bytes_methods.c, bytes_format.c ------------ */

/* A new bytes (ba 0) or bytearray (ba 1) holding s[0:n] (s NULL: zeroed). */
gp_obj_t *gp_bytes_make(int ba, const char *s, gp_ssize_t n);
/* An int argument in range(256) ("byte must be in range(0, 256)"). */
int gp_byte_arg(gp_obj_t *o, int *out);
/* bytes % args (bytes_format.c). */
gp_obj_t *gp_bytes_mod(gp_obj_t *fmt, gp_obj_t *args);
/* A bytearray's items from any iterable of ints / bytes-like (extend). */
int gp_bytearray_extend(gp_obj_t *ba, gp_obj_t *iterable);
extern gp_methoddef_t gp_bytes_methods[], gp_bytearray_methods[];

#endif
