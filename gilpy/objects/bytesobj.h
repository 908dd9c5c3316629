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

#endif
