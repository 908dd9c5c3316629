/*
** obj_file.c — file objects and open(): one buffered implementation
** behind CPython's five io types (TextIOWrapper for text, BufferedReader /
** BufferedWriter / BufferedRandom for binary, FileIO for buffering=0).
** Text is decoded from the byte buffer a line or a span at a time, so
** tell() is always an exact byte offset; universal newlines are
** translated on reading, '\n' is written as the newline argument says.
**
** Guard: the GIL.  System calls on descriptors that are not regular files
** (terminals, pipes) run with the GIL released, through a private buffer:
** the object's own buffers are touched only while the GIL is held, so
** another thread using the same file meanwhile cannot corrupt them.
** Interrupted calls run the due signal handlers (KeyboardInterrupt) and
** retry, as CPython does.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileobj.h"
#include "abstract.h"
#include "bytesobj.h"
#include "ids.h"
#include "listobj.h"
#include "numobj.h"
#include "strobj.h"
#include "vm/errors.h"
#include "vm/state.h"

#define DEFAULT_BUFSIZE 8192

enum { NL_UNIVERSAL, NL_UNTRANSLATED, NL_LF, NL_CR, NL_CRLF };

typedef struct {
    gp_obj_t ob;
    int fd;
    uint8_t readable, writable, appending, binary, raw, closefd, closed;
    uint8_t regular;            /* a regular file: no GIL release */
    uint8_t line_buffering, write_through;
    int8_t seekable;            /* -1 not known yet */
    uint8_t eof;                /* the last read returned 0 bytes */
    int enc;                    /* GP_ENC_* (text) */
    int nl;                     /* NL_* (text) */
    gp_obj_t *name, *mode, *encoding, *errors;
    char *rbuf;                 /* bytes read, not yet consumed */
    gp_ssize_t rpos, rlen, rcap;
    char *wbuf;                 /* bytes written, not yet flushed */
    gp_ssize_t wlen, wcap;
    gp_ssize_t bufsize;
} gp_file_t;

#define F(o) ((gp_file_t *)(o))

int gp_file_check(gp_obj_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_textio_type || t == &gp_bufreader_type ||
           t == &gp_bufwriter_type || t == &gp_bufrandom_type ||
           t == &gp_fileio_type;
}

static const char *tname(gp_obj_t *o)
{
    return gp_type_name_cstr(GP_TYPE(o));
}

static gp_obj_t *err_closed(void)
{
    return gp_err_format(&gp_exc_ValueError, "I/O operation on closed file.");
}

/* The operations whose message on a closed file differs between the io
** layers CPython stacks (FileIO, Buffered*, TextIOWrapper). */
enum { OP_GENERIC, OP_RAWLEVEL, OP_TELL, OP_READ, OP_READLINE, OP_SEEK,
       OP_TRUNCATE, OP_WRITE };

static const char *closed_msg(int binary, int raw, int op)
{
    if (op == OP_RAWLEVEL)
        return "I/O operation on closed file";
    if (op == OP_GENERIC || !binary)
        return "I/O operation on closed file.";
    if (raw)
        return "I/O operation on closed file";
    switch (op) {
    case OP_READ: return "read of closed file";
    case OP_READLINE: return "readline of closed file";
    case OP_SEEK: return "seek of closed file";
    case OP_TRUNCATE: return "truncate of closed file";
    case OP_WRITE: return "write to closed file";
    default: return "I/O operation on closed file";
    }
}

static gp_obj_t *unsupported(const char *msg)
{
    return gp_err_format(&gp_unsupported_op_type, "%s", msg);
}

static const char *codec_errors(gp_file_t *f)
{
    const char *e = f->errors ? gp_str_utf8(f->errors, NULL) : NULL;
    if (!e)
        gp_err_clear();
    return e ? e : "strict";
}

/* ---- system calls ------------------------------------------------------ */

/* After EINTR: run signal handlers; -1 when one raised. */
static int interrupted(void)
{
    return gil_pending_run(gil_tstate_current()) < 0 ? -1 : 0;
}

/* read(2) of up to n bytes into dst: count, 0 at EOF, -1 with the
** exception set.  For a descriptor that is not a regular file the GIL is
** released meanwhile, so dst must be memory no other thread can reach
** (never the object's own buffer). */
static gp_ssize_t sys_read(gp_file_t *f, char *dst, size_t n)
{
    for (;;) {
        ssize_t r;
        int e;
        if (f->regular) {
            r = read(f->fd, dst, n);
            e = errno;
        } else {
            int fd = f->fd;
            GIL_BEGIN_ALLOW_THREADS
            r = read(fd, dst, n);
            e = errno;
            GIL_END_ALLOW_THREADS
            if (f->closed) {
                err_closed();
                return -1;
            }
        }
        if (r >= 0)
            return r;
        if (e == EINTR) {
            if (interrupted() < 0)
                return -1;
            continue;
        }
        errno = e;
        gp_err_from_errno(&gp_exc_OSError, NULL);
        return -1;
    }
}

/* write(2) of all n bytes (a short count only for the raw FileIO). */
static gp_ssize_t sys_write(gp_file_t *f, const char *src, size_t n, int all)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r;
        int e;
        if (f->regular) {
            r = write(f->fd, src + done, n - done);
            e = errno;
        } else {
            int fd = f->fd;
            GIL_BEGIN_ALLOW_THREADS
            r = write(fd, src + done, n - done);
            e = errno;
            GIL_END_ALLOW_THREADS
        }
        if (r < 0) {
            if (e == EINTR) {
                if (interrupted() < 0)
                    return -1;
                continue;
            }
            errno = e;
            gp_err_from_errno(&gp_exc_OSError, NULL);
            return -1;
        }
        done += (size_t)r;
        if (!all)
            break;
    }
    return (gp_ssize_t)done;
}

/* ---- buffers ----------------------------------------------------------- */

static int flush_wbuf(gp_file_t *f)
{
    if (f->wlen == 0)
        return 0;
    /* Take the buffer out of the object while writing: the GIL may be
    ** released, and another thread may write meanwhile. */
    char *buf = f->wbuf;
    gp_ssize_t len = f->wlen, cap = f->wcap;
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    gp_ssize_t r = sys_write(f, buf, (size_t)len, 1);
    if (!f->wbuf) {
        f->wbuf = buf;
        f->wcap = cap;
    } else {
        free(buf);
    }
    return r < 0 ? -1 : 0;
}

/* Before writing after reading: a binary file puts the unread bytes back
** in the file; a text file drops them and writes after them, as CPython's
** TextIOWrapper (whose read-ahead the buffer below never sees) does. */
static int drop_rbuf(gp_file_t *f)
{
    gp_ssize_t unread = f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    f->eof = 0;
    if (unread && f->binary && lseek(f->fd, -unread, SEEK_CUR) < 0) {
        gp_err_from_errno(&gp_exc_OSError, NULL);
        return -1;
    }
    return 0;
}

static int wbuf_put(gp_file_t *f, const char *s, gp_ssize_t n)
{
    if (f->rlen > f->rpos && drop_rbuf(f) < 0)
        return -1;
    f->rpos = f->rlen = 0;
    if (f->wlen + n > f->bufsize && flush_wbuf(f) < 0)
        return -1;
    if (n >= f->bufsize)
        return sys_write(f, s, (size_t)n, 1) < 0 ? -1 : 0;
    if (f->wlen + n > f->wcap) {
        gp_ssize_t cap = f->bufsize;
        while (cap < f->wlen + n)
            cap *= 2;
        char *nb = realloc(f->wbuf, (size_t)cap);
        if (!nb) {
            gp_err_nomemory();
            return -1;
        }
        f->wbuf = nb;
        f->wcap = cap;
    }
    memcpy(f->wbuf + f->wlen, s, (size_t)n);
    f->wlen += n;
    return 0;
}

/* Make room for extra more bytes after the unread ones. */
static int rbuf_room(gp_file_t *f, gp_ssize_t extra)
{
    if (f->rpos == f->rlen) {
        f->rpos = f->rlen = 0;
    } else if (f->rpos > 0 && f->rpos >= f->rcap / 2) {
        memmove(f->rbuf, f->rbuf + f->rpos, (size_t)(f->rlen - f->rpos));
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen + extra > f->rcap) {
        gp_ssize_t cap = f->rcap ? f->rcap : f->bufsize;
        while (cap < f->rlen + extra)
            cap *= 2;
        char *nb = realloc(f->rbuf, (size_t)cap);
        if (!nb) {
            gp_err_nomemory();
            return -1;
        }
        f->rbuf = nb;
        f->rcap = cap;
    }
    return 0;
}

/* Read more bytes after the unread ones: how many, 0 at EOF, -1. */
static gp_ssize_t fill(gp_file_t *f)
{
    if (f->wlen && flush_wbuf(f) < 0)
        return -1;
    gp_ssize_t r;
    if (f->regular) {
        if (rbuf_room(f, f->bufsize) < 0)
            return -1;
        r = sys_read(f, f->rbuf + f->rlen, (size_t)f->bufsize);
        if (r < 0)
            return -1;
    } else {
        /* Through a private buffer: the GIL is released during the read,
        ** and another thread may use this object meanwhile. */
        gp_ssize_t size = f->bufsize;
        char *tmp = malloc((size_t)size);
        if (!tmp) {
            gp_err_nomemory();
            return -1;
        }
        r = sys_read(f, tmp, (size_t)size);
        if (r > 0 && rbuf_room(f, r) == 0)
            memcpy(f->rbuf + f->rlen, tmp, (size_t)r);
        else if (r > 0)
            r = -1;
        free(tmp);
        if (r < 0)
            return -1;
    }
    f->rlen += r;
    f->eof = r == 0;
    return r;
}

/* ---- checks -------------------------------------------------------------- */

static int check_open(gp_file_t *f)
{
    if (f->closed) {
        err_closed();
        return -1;
    }
    return 0;
}

static int check_open_op(gp_file_t *f, int op)
{
    if (f->closed) {
        gp_err_format(&gp_exc_ValueError, "%s",
                      closed_msg(f->binary, f->raw, op));
        return -1;
    }
    return 0;
}

static int check_readable_op(gp_file_t *f, int op)
{
    if (check_open_op(f, op) < 0)
        return -1;
    if (!f->readable) {
        unsupported(f->binary ? "read" : "not readable");
        return -1;
    }
    return 0;
}

static int check_readable(gp_file_t *f)
{
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        unsupported(f->binary ? "read" : "not readable");
        return -1;
    }
    return 0;
}

static int check_writable(gp_file_t *f)
{
    /* Text checks for closed first; binary for the mode first. */
    if (!f->binary && check_open(f) < 0)
        return -1;
    if (!f->writable && !(f->raw && f->closed)) {
        unsupported(f->binary ? "write" : "not writable");
        return -1;
    }
    if (f->binary && check_open_op(f, OP_WRITE) < 0)
        return -1;
    return 0;
}

/* A size argument: None or an int (negative: all).  TextIOWrapper's
** readline takes no None and words its error as int() does. */
static int size_arg_ex(gp_obj_t *const *args, gp_ssize_t nargs,
                       const char *name, gp_ssize_t *out, int int_only)
{
    if (int_only && nargs == 1 && !GP_INT_CHECK(args[0]) &&
        !gp_index_check(args[0])) {
        gp_err_format(&gp_exc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      tname(args[0]));
        return -1;
    }
    *out = -1;
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError,
                      "%s expected at most 1 argument, got %zd", name, nargs);
        return -1;
    }
    if (nargs == 0 || args[0] == GP_NONE)
        return 0;
    if (!gp_index_check(args[0])) {
        gp_err_format(&gp_exc_TypeError,
                      "argument should be integer or None, not '%s'",
                      tname(args[0]));
        return -1;
    }
    gp_ssize_t v = gp_number_as_ssize_t(args[0], &gp_exc_OverflowError);
    if (v == -1 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static int size_arg(gp_obj_t *const *args, gp_ssize_t nargs, const char *name,
                    gp_ssize_t *out)
{
    return size_arg_ex(args, nargs, name, out, 0);
}

/* ---- text decoding ---------------------------------------------------------- */

/* The text of rbuf[a:b], decoded and with its newlines translated. */
static gp_obj_t *decode_span(gp_file_t *f, gp_ssize_t a, gp_ssize_t b)
{
    gp_obj_t *s = gp_bytes_decode(f->rbuf + a, b - a, gp_codec_name(f->enc),
                                  codec_errors(f));
    if (!s || f->nl != NL_UNIVERSAL)
        return s;
    if (gp_str_find_char(s, '\r', 0, GP_STR_LEN(s)) < 0)
        return s;
    gp_strbuf_t sb;
    gp_strbuf_init(&sb);
    gp_ssize_t n = GP_STR_LEN(s);
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_read(s, i);
        if (c == '\r') {
            if (i + 1 < n && gp_str_read(s, i + 1) == '\n')
                i++;
            c = '\n';
        }
        if (gp_strbuf_char(&sb, c) < 0) {
            gp_strbuf_discard(&sb);
            GP_DECREF(s);
            return NULL;
        }
    }
    GP_DECREF(s);
    return gp_strbuf_finish(&sb);
}

static int is_cont(gp_file_t *f, unsigned char c)
{
    return f->enc == GP_ENC_UTF8 && (c & 0xc0) == 0x80;
}

/* The end (exclusive, absolute in rbuf) of the next line, reading more as
** needed; limit: the most characters (-1 none). */
static gp_ssize_t line_end(gp_file_t *f, gp_ssize_t limit)
{
    gp_ssize_t i = f->rpos, chars = 0;
    for (;;) {
        while (i < f->rlen) {
            unsigned char c = (unsigned char)f->rbuf[i];
            if (limit >= 0 && chars >= limit && !is_cont(f, c))
                return i;
            if (!is_cont(f, c))
                chars++;
            if (c == '\n' && f->nl != NL_CR && f->nl != NL_CRLF)
                return i + 1;
            if (c == '\r' && (f->nl == NL_UNIVERSAL || f->nl == NL_UNTRANSLATED ||
                              f->nl == NL_CR || f->nl == NL_CRLF)) {
                if (f->nl == NL_CR)
                    return i + 1;
                if (i + 1 >= f->rlen && !f->eof) {
                    gp_ssize_t off = i - f->rpos;
                    gp_ssize_t r = fill(f);
                    if (r < 0)
                        return -1;
                    i = f->rpos + off;
                }
                if (i + 1 < f->rlen && f->rbuf[i + 1] == '\n')
                    return i + 2;
                if (f->nl != NL_CRLF)
                    return i + 1;
            }
            i++;
        }
        if (f->eof && i >= f->rlen)
            return i;
        gp_ssize_t off = i - f->rpos;
        gp_ssize_t r = fill(f);
        if (r < 0)
            return -1;
        i = f->rpos + off;
        if (r == 0)
            return i;
    }
}

static gp_obj_t *text_readline(gp_file_t *f, gp_ssize_t limit)
{
    if (limit == 0)
        return gp_str_empty();
    gp_ssize_t end = line_end(f, limit);
    if (end < 0)
        return NULL;
    gp_obj_t *s = decode_span(f, f->rpos, end);
    if (s)
        f->rpos = end;
    return s;
}

static gp_obj_t *binary_readline(gp_file_t *f, gp_ssize_t limit)
{
    gp_ssize_t i = f->rpos;
    for (;;) {
        gp_ssize_t stop = f->rlen;
        if (limit >= 0 && f->rpos + limit < stop)
            stop = f->rpos + limit;
        const char *q = i < stop ? memchr(f->rbuf + i, '\n', (size_t)(stop - i))
                                 : NULL;
        if (q) {
            i = q - f->rbuf + 1;
            break;
        }
        i = stop;
        if (limit >= 0 && i - f->rpos >= limit)
            break;
        gp_ssize_t off = i - f->rpos;
        gp_ssize_t r = f->eof ? 0 : fill(f);
        if (r < 0)
            return NULL;
        i = f->rpos + off;
        if (r == 0)
            break;
    }
    gp_obj_t *b = gp_bytes_from(f->rbuf + f->rpos, i - f->rpos);
    if (b)
        f->rpos = i;
    return b;
}

static gp_obj_t *readline_any(gp_file_t *f, gp_ssize_t limit)
{
    if (f->raw) {
        /* Unbuffered: one byte at a time, as FileIO does. */
        char *buf = NULL;
        gp_ssize_t n = 0, cap = 0;
        while (limit < 0 || n < limit) {
            char c;
            gp_ssize_t r = sys_read(f, &c, 1);
            if (r < 0) {
                free(buf);
                return NULL;
            }
            if (r == 0)
                break;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char *nb = realloc(buf, (size_t)cap);
                if (!nb) {
                    free(buf);
                    return gp_err_nomemory();
                }
                buf = nb;
            }
            buf[n++] = c;
            if (c == '\n')
                break;
        }
        gp_obj_t *b = gp_bytes_from(buf, n);
        free(buf);
        return b;
    }
    if (f->wlen && flush_wbuf(f) < 0)
        return NULL;
    /* EOF is news for one call only: a terminal or a growing file may
    ** have more later. */
    f->eof = 0;
    return f->binary ? binary_readline(f, limit) : text_readline(f, limit);
}

/* Everything up to EOF into rbuf. */
static int fill_all(gp_file_t *f)
{
    if (!f->regular) {
        gp_ssize_t r;
        while ((r = fill(f)) > 0)
            ;
        return r < 0 ? -1 : 0;
    }
    if (f->wlen && flush_wbuf(f) < 0)
        return -1;
    if (f->eof == 0) {
        struct stat st;
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (fstat(f->fd, &st) == 0 && pos >= 0 && st.st_size > pos) {
            gp_ssize_t want = (gp_ssize_t)(st.st_size - pos) + 1;
            if (f->rlen + want > f->rcap) {
                char *nb = realloc(f->rbuf, (size_t)(f->rlen + want));
                if (!nb) {
                    gp_err_nomemory();
                    return -1;
                }
                f->rbuf = nb;
                f->rcap = f->rlen + want;
            }
        }
    }
    for (;;) {
        if (f->rcap - f->rlen < f->bufsize / 2 || f->rcap == 0) {
            gp_ssize_t r = fill(f);
            if (r < 0)
                return -1;
            if (r == 0)
                return 0;
            continue;
        }
        gp_ssize_t r = sys_read(f, f->rbuf + f->rlen,
                                (size_t)(f->rcap - f->rlen));
        if (r < 0)
            return -1;
        if (r == 0) {
            f->eof = 1;
            return 0;
        }
        f->rlen += r;
    }
}

static gp_obj_t *read_any(gp_file_t *f, gp_ssize_t size)
{
    if (f->wlen && flush_wbuf(f) < 0)
        return NULL;
    f->eof = 0;
    if (f->raw) {
        if (size < 0) {
            if (fill_all(f) < 0)
                return NULL;
            gp_obj_t *b = gp_bytes_from(f->rbuf + f->rpos, f->rlen - f->rpos);
            f->rpos = f->rlen = 0;
            return b;
        }
        gp_obj_t *b = gp_bytes_from(NULL, size);
        if (!b)
            return NULL;
        if (size == 0)
            return b;
        gp_ssize_t r = sys_read(f, GP_BYTES_DATA(b), (size_t)size);
        if (r < 0) {
            GP_DECREF(b);
            return NULL;
        }
        gp_obj_t *t = gp_bytes_from(GP_BYTES_DATA(b), r);
        GP_DECREF(b);
        return t;
    }
    if (size < 0) {
        if (fill_all(f) < 0)
            return NULL;
        gp_obj_t *r = f->binary
            ? gp_bytes_from(f->rbuf + f->rpos, f->rlen - f->rpos)
            : decode_span(f, f->rpos, f->rlen);
        if (r)
            f->rpos = f->rlen = 0;
        return r;
    }
    if (f->binary) {
        while (f->rlen - f->rpos < size && !f->eof) {
            gp_ssize_t r = fill(f);
            if (r < 0)
                return NULL;
            if (r == 0)
                break;
        }
        gp_ssize_t n = f->rlen - f->rpos < size ? f->rlen - f->rpos : size;
        gp_obj_t *b = gp_bytes_from(f->rbuf + f->rpos, n);
        if (b)
            f->rpos += n;
        if (f->rpos == f->rlen)
            f->eof = 0;
        return b;
    }
    /* Text: the bytes of `size` characters (\r\n counting once when it
    ** is translated). */
    gp_ssize_t i = f->rpos, chars = 0;
    for (;;) {
        if (i >= f->rlen) {
            gp_ssize_t off = i - f->rpos;
            gp_ssize_t r = f->eof && chars > 0 ? 0 : fill(f);
            if (r < 0)
                return NULL;
            i = f->rpos + off;
            if (r == 0)
                break;
        }
        unsigned char c = (unsigned char)f->rbuf[i];
        if (is_cont(f, c)) {
            i++;
            continue;
        }
        if (chars == size)
            break;
        chars++;
        i++;
        if (c == '\r' && f->nl == NL_UNIVERSAL) {
            if (i >= f->rlen && !f->eof) {
                gp_ssize_t off = i - f->rpos;
                if (fill(f) < 0)
                    return NULL;
                i = f->rpos + off;
            }
            if (i < f->rlen && f->rbuf[i] == '\n')
                i++;
        }
    }
    gp_obj_t *s = decode_span(f, f->rpos, i);
    if (s)
        f->rpos = i;
    return s;
}

/* ---- methods --------------------------------------------------------------- */

static gp_obj_t *file_read(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    gp_ssize_t size;
    if (check_readable_op(f, OP_READ) < 0 ||
        size_arg(args, nargs, "read", &size) < 0)
        return NULL;
    return read_any(f, size);
}

static gp_obj_t *file_readline(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    gp_ssize_t size;
    if (check_readable_op(f, OP_READLINE) < 0 ||
        size_arg_ex(args, nargs, "readline", &size, !f->binary) < 0)
        return NULL;
    return readline_any(f, size);
}

static gp_obj_t *file_readlines(gp_obj_t *self, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    gp_ssize_t hint;
    if (check_readable(f) < 0 || size_arg(args, nargs, "readlines", &hint) < 0)
        return NULL;
    gp_obj_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    gp_ssize_t total = 0;
    for (;;) {
        gp_obj_t *line = readline_any(f, -1);
        if (!line) {
            GP_DECREF(list);
            return NULL;
        }
        gp_ssize_t n = GP_SIZE(line);
        if (n == 0) {
            GP_DECREF(line);
            break;
        }
        int r = gp_list_append(list, line);
        GP_DECREF(line);
        if (r < 0) {
            GP_DECREF(list);
            return NULL;
        }
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static gp_obj_t *file_iternext(gp_obj_t *self)
{
    gp_file_t *f = F(self);
    if (check_readable_op(f, OP_READLINE) < 0)
        return NULL;
    gp_obj_t *line = readline_any(f, -1);
    if (line && GP_SIZE(line) == 0) {
        GP_DECREF(line);
        return NULL;
    }
    return line;
}

static gp_obj_t *file_iter(gp_obj_t *self)
{
    if (check_open(F(self)) < 0)
        return NULL;
    return gp_newref(self);
}

/* Write a str to a text file: its length in characters. */
static gp_ssize_t text_write(gp_file_t *f, gp_obj_t *s)
{
    gp_obj_t *tmp = NULL;
    gp_ssize_t chars = GP_STR_LEN(s);
    if ((f->nl == NL_CR || f->nl == NL_CRLF) &&
        gp_str_find_char(s, '\n', 0, chars) >= 0) {
        gp_strbuf_t sb;
        gp_strbuf_init(&sb);
        for (gp_ssize_t i = 0; i < chars; i++) {
            uint32_t c = gp_str_read(s, i);
            int r = c != '\n' ? gp_strbuf_char(&sb, c)
                  : gp_strbuf_cstr(&sb, f->nl == NL_CR ? "\r" : "\r\n");
            if (r < 0) {
                gp_strbuf_discard(&sb);
                return -1;
            }
        }
        if (!(tmp = gp_strbuf_finish(&sb)))
            return -1;
        s = tmp;
    }
    gp_str_t *so = (gp_str_t *)s;
    int r;
    if ((f->enc == GP_ENC_UTF8 && so->utf8 && !so->utf8_sp) ||
        (so->ascii && f->enc != GP_ENC_UTF8)) {
        r = wbuf_put(f, so->utf8 ? so->utf8 : GP_STR_DATA(s),
                     so->utf8 ? so->utf8_len : GP_STR_LEN(s));
    } else {
        gp_obj_t *b = gp_str_encode(s, gp_codec_name(f->enc), codec_errors(f));
        if (!b) {
            GP_XDECREF(tmp);
            return -1;
        }
        r = wbuf_put(f, GP_BYTES_DATA(b), GP_SIZE(b));
        GP_DECREF(b);
    }
    if (r == 0 && (f->write_through ||
                   (f->line_buffering &&
                    (gp_str_find_char(s, '\n', 0, GP_STR_LEN(s)) >= 0 ||
                     gp_str_find_char(s, '\r', 0, GP_STR_LEN(s)) >= 0))))
        r = flush_wbuf(f);
    GP_XDECREF(tmp);
    return r < 0 ? -1 : chars;
}

static gp_obj_t *file_write(gp_obj_t *self, gp_obj_t *arg)
{
    gp_file_t *f = F(self);
    if (check_writable(f) < 0)
        return NULL;
    if (!f->binary) {
        if (!GP_STR_CHECK(arg))
            return gp_err_format(&gp_exc_TypeError,
                                 "write() argument must be str, not %s",
                                 tname(arg));
        gp_ssize_t n = text_write(f, arg);
        return n < 0 ? NULL : gp_int_from_ssize(n);
    }
    const char *p;
    gp_ssize_t n;
    if (gp_bytes_view(arg, &p, &n) < 0)
        return NULL;
    if (f->raw) {
        if (f->rlen > f->rpos && drop_rbuf(f) < 0)
            return NULL;
        gp_ssize_t r = sys_write(f, p, (size_t)n, 0);
        return r < 0 ? NULL : gp_int_from_ssize(r);
    }
    if (wbuf_put(f, p, n) < 0 || (f->write_through && flush_wbuf(f) < 0))
        return NULL;
    return gp_int_from_ssize(n);
}

static gp_obj_t *file_writelines(gp_obj_t *self, gp_obj_t *lines)
{
    gp_file_t *f = F(self);
    if (check_writable(f) < 0)
        return NULL;
    gp_obj_t *it = gp_iter(lines);
    if (!it)
        return NULL;
    gp_obj_t *line;
    while ((line = gp_iter_next(it))) {
        gp_obj_t *r = file_write(self, line);
        GP_DECREF(line);
        if (!r) {
            GP_DECREF(it);
            return NULL;
        }
        GP_DECREF(r);
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *file_flush(gp_obj_t *self, gp_obj_t *unused)
{
    gp_file_t *f = F(self);
    if (check_open(f) < 0 || flush_wbuf(f) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static int do_close(gp_file_t *f)
{
    if (f->closed)
        return 0;
    int r = flush_wbuf(f);
    f->closed = 1;
    if (f->closefd && f->fd >= 0) {
        if (close(f->fd) < 0 && r == 0) {
            gp_err_from_errno(&gp_exc_OSError, NULL);
            r = -1;
        }
    }
    free(f->rbuf);
    f->rbuf = NULL;
    f->rpos = f->rlen = f->rcap = 0;
    free(f->wbuf);
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    return r;
}

static gp_obj_t *file_close(gp_obj_t *self, gp_obj_t *unused)
{
    if (do_close(F(self)) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static gp_obj_t *file_fileno(gp_obj_t *self, gp_obj_t *unused)
{
    if (check_open_op(F(self), OP_RAWLEVEL) < 0)
        return NULL;
    return gp_int_from_i64(F(self)->fd);
}

static gp_obj_t *file_isatty(gp_obj_t *self, gp_obj_t *unused)
{
    if (check_open_op(F(self), OP_RAWLEVEL) < 0)
        return NULL;
    return gp_bool_from(isatty(F(self)->fd));
}

static gp_obj_t *file_readable(gp_obj_t *self, gp_obj_t *unused)
{
    if (check_open_op(F(self), OP_RAWLEVEL) < 0)
        return NULL;
    return gp_bool_from(F(self)->readable);
}

static gp_obj_t *file_writable(gp_obj_t *self, gp_obj_t *unused)
{
    if (F(self)->raw && check_open_op(F(self), OP_RAWLEVEL) < 0)
        return NULL;
    return gp_bool_from(F(self)->writable);
}

static int is_seekable(gp_file_t *f)
{
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return f->seekable;
}

static gp_obj_t *file_seekable(gp_obj_t *self, gp_obj_t *unused)
{
    if (check_open_op(F(self), OP_RAWLEVEL) < 0)
        return NULL;
    return gp_bool_from(is_seekable(F(self)));
}

static gp_obj_t *file_tell(gp_obj_t *self, gp_obj_t *unused)
{
    gp_file_t *f = F(self);
    if (check_open_op(f, OP_TELL) < 0)
        return NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return gp_int_from_i64((int64_t)pos - (f->rlen - f->rpos) + f->wlen);
}

static gp_obj_t *file_seek(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    if (nargs < 1 || nargs > 2)
        return gp_err_format(&gp_exc_TypeError,
                             nargs < 1 ? "seek expected at least 1 argument, got %zd"
                                       : "seek expected at most 2 arguments, got %zd",
                             nargs);
    if (check_open_op(f, OP_SEEK) < 0)
        return NULL;
    if (!gp_index_check(args[0]))
        return gp_err_format(&gp_exc_TypeError,
                             "'%s' object cannot be interpreted as an integer",
                             tname(args[0]));
    int ovf = 0;
    gp_obj_t *iv = gp_number_index(args[0]);
    if (!iv)
        return NULL;
    int64_t off = gp_int_as_i64_overflow(iv, &ovf);
    GP_DECREF(iv);
    int whence = 0;
    if (nargs > 1) {
        gp_obj_t *w = gp_number_index(args[1]);
        if (!w)
            return NULL;
        whence = (int)gp_int_as_i64(w);
        GP_DECREF(w);
    }
    if (ovf)
        return gp_err_format(&gp_exc_OverflowError,
                             "Python int too large to convert to C long");
    if (whence < 0 || whence > 2)
        return gp_err_format(&gp_exc_ValueError,
                             "invalid whence (%d, should be 0, 1 or 2)", whence);
    if (!is_seekable(f))
        return unsupported("File or stream is not seekable.");
    if (!f->binary) {
        if (whence == 1 && off != 0)
            return unsupported("can't do nonzero cur-relative seeks");
        if (whence == 2 && off != 0)
            return unsupported("can't do nonzero end-relative seeks");
        if (whence == 0 && off < 0)
            return gp_err_format(&gp_exc_ValueError,
                                 "negative seek position %lld", (long long)off);
    }
    if (flush_wbuf(f) < 0)
        return NULL;
    if (whence == 1)
        off -= f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    f->eof = 0;
    off_t r = lseek(f->fd, (off_t)off, whence);
    if (r < 0)
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return gp_int_from_i64((int64_t)r);
}

static gp_obj_t *file_truncate(gp_obj_t *self, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    if (check_open_op(f, OP_TRUNCATE) < 0 || check_writable(f) < 0 ||
        flush_wbuf(f) < 0)
        return NULL;
    int64_t size;
    if (nargs > 0 && args[0] != GP_NONE) {
        gp_obj_t *iv = gp_number_index(args[0]);
        if (!iv)
            return NULL;
        size = gp_int_as_i64(iv);
        GP_DECREF(iv);
        if (size == -1 && gp_err_occurred())
            return NULL;
    } else {
        gp_obj_t *t = file_tell(self, NULL);
        if (!t)
            return NULL;
        size = gp_int_as_i64(t);
        GP_DECREF(t);
    }
    if (f->rlen > f->rpos && drop_rbuf(f) < 0)
        return NULL;
    if (ftruncate(f->fd, (off_t)size) < 0)
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return gp_int_from_i64(size);
}

static gp_obj_t *file_enter(gp_obj_t *self, gp_obj_t *unused)
{
    if (check_open(F(self)) < 0)
        return NULL;
    return gp_newref(self);
}

static gp_obj_t *file_exit(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs)
{
    return file_close(self, NULL);
}

static gp_obj_t *file_read1(gp_obj_t *self, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    gp_file_t *f = F(self);
    gp_ssize_t size;
    if (check_readable(f) < 0 || size_arg(args, nargs, "read1", &size) < 0)
        return NULL;
    if (f->wlen && flush_wbuf(f) < 0)
        return NULL;
    if (f->rlen == f->rpos && fill(f) < 0)
        return NULL;
    gp_ssize_t n = f->rlen - f->rpos;
    if (size >= 0 && size < n)
        n = size;
    gp_obj_t *b = gp_bytes_from(f->rbuf + f->rpos, n);
    if (b)
        f->rpos += n;
    return b;
}

/* ---- attributes ---------------------------------------------------------------- */

static gp_obj_t *get_closed(gp_obj_t *self, void *c)
{
    return gp_bool_from(F(self)->closed);
}

static gp_obj_t *get_name(gp_obj_t *self, void *c)
{
    return gp_newref(F(self)->name);
}

static gp_obj_t *get_mode(gp_obj_t *self, void *c)
{
    return gp_newref(F(self)->mode);
}

static gp_obj_t *get_encoding(gp_obj_t *self, void *c)
{
    return gp_newref(F(self)->encoding);
}

static gp_obj_t *get_errors(gp_obj_t *self, void *c)
{
    return gp_newref(F(self)->errors);
}

static gp_obj_t *get_none(gp_obj_t *self, void *c)
{
    GP_RETURN_NONE;
}

static gp_obj_t *get_line_buffering(gp_obj_t *self, void *c)
{
    return gp_bool_from(F(self)->line_buffering);
}

static gp_obj_t *get_closefd(gp_obj_t *self, void *c)
{
    return gp_bool_from(F(self)->closefd);
}

static gp_obj_t *file_repr(gp_obj_t *self)
{
    gp_file_t *f = F(self);
    const char *tn = GP_TYPE(self)->name;
    if (f->raw) {
        if (f->closed)
            return gp_str_fromformat("<%s [closed]>", tn);
        return gp_str_fromformat("<%s name=%R mode=%R closefd=%s>", tn, f->name,
                                 f->mode, f->closefd ? "True" : "False");
    }
    if (f->binary)
        return gp_str_fromformat("<%s name=%R>", tn, f->name);
    return gp_str_fromformat("<%s name=%R mode=%R encoding=%R>", tn, f->name,
                             f->mode, f->encoding);
}

static void file_dealloc(gp_obj_t *self)
{
    gp_file_t *f = F(self);
    if (!f->closed) {
        /* Flush what is left; an error here has nowhere to go. */
        gp_obj_t *exc = gp_err_fetch();
        if (do_close(f) < 0)
            gp_err_clear();
        gp_err_restore(exc);
    }
    free(f->rbuf);
    free(f->wbuf);
    GP_XDECREF(f->name);
    GP_XDECREF(f->mode);
    GP_XDECREF(f->encoding);
    GP_XDECREF(f->errors);
    free(self);
}

static gp_methoddef_t file_methods[] = {
    {"read", GP_METH_FN(file_read), GP_METH_FASTCALL, NULL},
    {"read1", GP_METH_FN(file_read1), GP_METH_FASTCALL, NULL},
    {"readline", GP_METH_FN(file_readline), GP_METH_FASTCALL, NULL},
    {"readlines", GP_METH_FN(file_readlines), GP_METH_FASTCALL, NULL},
    {"write", GP_METH_FN(file_write), GP_METH_O, NULL},
    {"writelines", GP_METH_FN(file_writelines), GP_METH_O, NULL},
    {"flush", GP_METH_FN(file_flush), GP_METH_NOARGS, NULL},
    {"close", GP_METH_FN(file_close), GP_METH_NOARGS, NULL},
    {"fileno", GP_METH_FN(file_fileno), GP_METH_NOARGS, NULL},
    {"isatty", GP_METH_FN(file_isatty), GP_METH_NOARGS, NULL},
    {"readable", GP_METH_FN(file_readable), GP_METH_NOARGS, NULL},
    {"writable", GP_METH_FN(file_writable), GP_METH_NOARGS, NULL},
    {"seekable", GP_METH_FN(file_seekable), GP_METH_NOARGS, NULL},
    {"seek", GP_METH_FN(file_seek), GP_METH_FASTCALL, NULL},
    {"tell", GP_METH_FN(file_tell), GP_METH_NOARGS, NULL},
    {"truncate", GP_METH_FN(file_truncate), GP_METH_FASTCALL, NULL},
    {"__enter__", GP_METH_FN(file_enter), GP_METH_NOARGS, NULL},
    {"__exit__", GP_METH_FN(file_exit), GP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static gp_getsetdef_t text_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"newlines", get_none, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static gp_getsetdef_t binary_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"closefd", get_closefd, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define FILE_TYPE(var, tname_, gs) \
gp_type_t var = { \
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0), \
    .name = tname_, \
    .basicsize = sizeof(gp_file_t), \
    .flags = GP_TPFLAGS_IMMUTABLETYPE, \
    .dealloc = file_dealloc, \
    .repr = file_repr, \
    .iter = file_iter, \
    .iternext = file_iternext, \
    .methods = file_methods, \
    .getset = gs, \
    .base = &gp_object_type, \
}

FILE_TYPE(gp_textio_type, "_io.TextIOWrapper", text_getset);
FILE_TYPE(gp_bufreader_type, "_io.BufferedReader", binary_getset);
FILE_TYPE(gp_bufwriter_type, "_io.BufferedWriter", binary_getset);
FILE_TYPE(gp_bufrandom_type, "_io.BufferedRandom", binary_getset);
FILE_TYPE(gp_fileio_type, "_io.FileIO", binary_getset);

gp_type_t gp_unsupported_op_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "io.UnsupportedOperation",
    .flags = GP_TPFLAGS_BASETYPE | GP_TPFLAGS_BASE_EXC_SUBCLASS,
    .base = &gp_exc_OSError,
    .doc = "Raised when an operation is not supported by the stream.",
};

/* ---- construction ---------------------------------------------------------------- */

static gp_file_t *file_alloc(gp_type_t *t)
{
    gp_file_t *f = calloc(1, sizeof *f);
    if (!f) {
        gp_err_nomemory();
        return NULL;
    }
    f->ob.refcnt = 1;
    f->ob.type = t;
    f->fd = -1;
    f->seekable = -1;
    f->closed = 1;              /* until the descriptor is set */
    f->bufsize = DEFAULT_BUFSIZE;
    return f;
}

typedef struct {
    int reading, writing, appending, creating, updating, text, binary;
} modeflags_t;

static int parse_mode(gp_obj_t *mode, modeflags_t *m)
{
    memset(m, 0, sizeof *m);
    gp_ssize_t n = GP_STR_LEN(mode);
    for (gp_ssize_t i = 0; i < n; i++) {
        uint32_t c = gp_str_read(mode, i);
        int *flag;
        switch (c) {
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case 'x': flag = &m->creating; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (!flag || *flag) {
            gp_err_format(&gp_exc_ValueError, "invalid mode: %R", mode);
            return -1;
        }
        *flag = 1;
    }
    if (m->text && m->binary) {
        gp_err_format(&gp_exc_ValueError,
                      "can't have text and binary mode at once");
        return -1;
    }
    int k = m->reading + m->writing + m->appending + m->creating;
    if (k > 1) {
        gp_err_format(&gp_exc_ValueError,
                      "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (k == 0) {
        gp_err_format(&gp_exc_ValueError,
                      "Must have exactly one of create/read/write/append mode "
                      "and at most one plus");
        return -1;
    }
    return 0;
}

/* Fill in a file object over fd. */
static void setup(gp_file_t *f, int fd, const modeflags_t *m, int raw,
                  int closefd)
{
    struct stat st;
    f->fd = fd;
    f->closed = 0;
    f->closefd = (uint8_t)closefd;
    f->readable = (uint8_t)(m->reading || m->updating);
    f->writable = (uint8_t)(m->writing || m->appending || m->creating ||
                            m->updating);
    f->appending = (uint8_t)m->appending;
    f->binary = (uint8_t)m->binary;
    f->raw = (uint8_t)raw;
    f->regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    f->enc = GP_ENC_UTF8;
    f->nl = NL_UNIVERSAL;
}

gp_obj_t *gp_open(gp_obj_t *const *args, gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {
        "file", "mode", "buffering", "encoding", "errors", "newline",
        "closefd", "opener", NULL
    };
    gp_obj_t *a[8] = {NULL};
    if (gp_arg_parse("open", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    gp_obj_t *file = a[0], *mode = a[1], *enc = a[3], *errs = a[4];
    gp_obj_t *newline = a[5], *opener = a[7];
    if (enc == GP_NONE)
        enc = NULL;
    if (errs == GP_NONE)
        errs = NULL;
    if (newline == GP_NONE)
        newline = NULL;
    if (opener == GP_NONE)
        opener = NULL;
    gp_obj_t *path = NULL;      /* what the name attribute shows */
    int fd = -1;
    if (!file) {
        return gp_err_format(&gp_exc_TypeError,
                             "open() missing required argument 'file' (pos 1)");
    }
    if (GP_STR_CHECK(file) || GP_BYTES_CHECK(file)) {
        path = file;
    } else if (GP_INT_CHECK(file)) {
        fd = (int)gp_int_as_i64(file);
        if (fd == -1 && gp_err_occurred())
            return NULL;
        if (fd < 0)
            return gp_err_format(&gp_exc_ValueError, "negative file descriptor");
    } else {
        gp_obj_t *p;
        int r = gp_getattr_opt(file, GP_ID(__fspath__), &p);
        if (r < 0)
            return NULL;
        if (r == 0)
            return gp_err_format(&gp_exc_TypeError,
                                 "expected str, bytes or os.PathLike object, "
                                 "not %s", tname(file));
        gp_obj_t *fs = gp_call_noargs(p);
        GP_DECREF(p);
        if (!fs)
            return NULL;
        if (!GP_STR_CHECK(fs) && !GP_BYTES_CHECK(fs)) {
            GP_DECREF(fs);
            return gp_err_format(&gp_exc_TypeError,
                                 "expected %s.__fspath__() to return str or "
                                 "bytes", tname(file));
        }
        GP_DECREF(fs);
        path = file;
    }
    if (mode && !GP_STR_CHECK(mode))
        return gp_err_format(&gp_exc_TypeError,
                             "open() argument 'mode' must be str, not %s",
                             tname(mode));
    gp_obj_t *mode_s = mode ? gp_newref(mode) : gp_str_from_cstr("r");
    if (!mode_s)
        return NULL;
    modeflags_t m;
    gp_ssize_t buffering = -1;
    int closefd = 1;
    gp_file_t *f = NULL;
    gp_obj_t *fspath = NULL;
    if (parse_mode(mode_s, &m) < 0)
        goto fail;
    if (a[2]) {
        if (!GP_INT_CHECK(a[2])) {
            gp_err_format(&gp_exc_TypeError,
                          "'%s' object cannot be interpreted as an integer",
                          tname(a[2]));
            goto fail;
        }
        buffering = gp_int_as_ssize(a[2]);
        if (buffering == -1 && gp_err_occurred())
            goto fail;
    }
    if (a[6] && (closefd = gp_is_true(a[6])) < 0)
        goto fail;
    if (enc && !GP_STR_CHECK(enc)) {
        gp_err_format(&gp_exc_TypeError,
                      "open() argument 'encoding' must be str or None, not %s",
                      tname(enc));
        goto fail;
    }
    if (errs && !GP_STR_CHECK(errs)) {
        gp_err_format(&gp_exc_TypeError,
                      "open() argument 'errors' must be str or None, not %s",
                      tname(errs));
        goto fail;
    }
    if (newline && !GP_STR_CHECK(newline)) {
        gp_err_format(&gp_exc_TypeError,
                      "open() argument 'newline' must be str or None, not %s",
                      tname(newline));
        goto fail;
    }
    if (m.binary && enc) {
        gp_err_format(&gp_exc_ValueError,
                      "binary mode doesn't take an encoding argument");
        goto fail;
    }
    if (m.binary && errs) {
        gp_err_format(&gp_exc_ValueError,
                      "binary mode doesn't take an errors argument");
        goto fail;
    }
    if (m.binary && newline) {
        gp_err_format(&gp_exc_ValueError,
                      "binary mode doesn't take a newline argument");
        goto fail;
    }
    if (!m.binary && buffering == 0) {
        gp_err_format(&gp_exc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }
    int nl = NL_UNIVERSAL;
    if (newline) {
        if (gp_str_eq_cstr(newline, ""))
            nl = NL_UNTRANSLATED;
        else if (gp_str_eq_cstr(newline, "\n"))
            nl = NL_LF;
        else if (gp_str_eq_cstr(newline, "\r"))
            nl = NL_CR;
        else if (gp_str_eq_cstr(newline, "\r\n"))
            nl = NL_CRLF;
        else {
            gp_err_format(&gp_exc_ValueError, "illegal newline value: %U",
                          newline);
            goto fail;
        }
    }
    int codec = GP_ENC_UTF8;
    if (enc) {
        const char *e = gp_str_utf8(enc, NULL);
        if (!e || (codec = gp_codec_lookup(e)) < 0)
            goto fail;
    }
    if (!closefd && path) {
        gp_err_format(&gp_exc_ValueError,
                      "Cannot use closefd=False with file name");
        goto fail;
    }
    int flags = O_CLOEXEC;
    if (m.updating)
        flags |= O_RDWR;
    else if (m.reading)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    if (m.writing)
        flags |= O_CREAT | O_TRUNC;
    if (m.appending)
        flags |= O_CREAT | O_APPEND;
    if (m.creating)
        flags |= O_CREAT | O_EXCL;
    if (path) {
        if (opener) {
            gp_obj_t *fl = gp_int_from_i64(flags);
            if (!fl)
                goto fail;
            gp_obj_t *r = gp_call_args(opener, 2, path, fl);
            GP_DECREF(fl);
            if (!r)
                goto fail;
            if (!GP_INT_CHECK(r)) {
                gp_err_format(&gp_exc_TypeError,
                              "expected integer from opener");
                GP_DECREF(r);
                goto fail;
            }
            fd = (int)gp_int_as_i64(r);
            GP_DECREF(r);
            if (fd < 0) {
                if (!gp_err_occurred())
                    gp_err_format(&gp_exc_ValueError,
                                  "opener returned %d", fd);
                goto fail;
            }
        } else {
            const char *p;
            if (GP_STR_CHECK(path)) {
                p = gp_str_utf8(path, NULL);
                if (!p) {
                    gp_err_clear();
                    gp_obj_t *b = gp_str_encode(path, "utf-8", "surrogateescape");
                    if (!b)
                        goto fail;
                    fspath = b;
                    p = GP_BYTES_DATA(b);
                }
            } else if (GP_BYTES_CHECK(path)) {
                p = GP_BYTES_DATA(path);
            } else {
                fspath = gp_call_method(path, GP_ID(__fspath__), 0);
                if (!fspath)
                    goto fail;
                p = GP_STR_CHECK(fspath) ? gp_str_utf8(fspath, NULL)
                                         : GP_BYTES_DATA(fspath);
                if (!p)
                    goto fail;
            }
            if ((GP_STR_CHECK(path) &&
                 gp_str_find_char(path, 0, 0, GP_STR_LEN(path)) >= 0) ||
                (GP_BYTES_CHECK(path) &&
                 memchr(p, 0, (size_t)GP_SIZE(path)))) {
                gp_err_format(&gp_exc_ValueError, "embedded null byte");
                goto fail;
            }
            do {
                fd = open(p, flags, 0666);
            } while (fd < 0 && errno == EINTR && interrupted() == 0);
            if (fd < 0) {
                if (!gp_err_occurred())
                    gp_err_from_errno(&gp_exc_OSError, path);
                goto fail;
            }
            struct stat st;
            if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
                close(fd);
                fd = -1;
                errno = EISDIR;
                gp_err_from_errno(&gp_exc_OSError, path);
                goto fail;
            }
        }
    }
    gp_type_t *t;
    if (!m.binary)
        t = &gp_textio_type;
    else if (buffering == 0)
        t = &gp_fileio_type;
    else if (m.updating)
        t = &gp_bufrandom_type;
    else if (m.reading)
        t = &gp_bufreader_type;
    else
        t = &gp_bufwriter_type;
    f = file_alloc(t);
    if (!f) {
        if (path && fd >= 0)
            close(fd);
        goto fail;
    }
    setup(f, fd, &m, buffering == 0, path ? 1 : closefd);
    if (buffering > 1)
        f->bufsize = buffering;
    if (!m.binary) {
        f->enc = codec;
        f->nl = nl;
        f->line_buffering = buffering == 1;
        f->encoding = enc ? gp_newref(enc) : gp_str_from_cstr("UTF-8");
        f->errors = errs ? gp_newref(errs) : gp_str_from_cstr("strict");
        if (!f->encoding || !f->errors)
            goto fail;
    }
    f->name = gp_newref(path ? path : file);
    if (m.binary) {
        /* Binary objects show the mode FileIO would: 'rb', 'wb', 'rb+' ... */
        char mb[5];
        int k = 0;
        mb[k++] = m.creating ? 'x' : m.appending ? 'a' : m.writing ? 'w' : 'r';
        mb[k++] = 'b';
        if (m.updating)
            mb[k++] = '+';
        mb[k] = 0;
        f->mode = gp_str_from_cstr(mb);
        GP_DECREF(mode_s);
    } else {
        f->mode = mode_s;
    }
    mode_s = NULL;
    if (!f->mode)
        goto fail;
    if (m.appending)
        lseek(fd, 0, SEEK_END);
    GP_XDECREF(fspath);
    return GP_OBJ(f);
fail:
    GP_XDECREF(fspath);
    GP_XDECREF(mode_s);
    if (f)
        GP_DECREF(GP_OBJ(f));
    return NULL;
}

gp_obj_t *gp_file_from_fd(int fd, const char *mode, const char *name)
{
    gp_obj_t *ms = gp_str_from_cstr(mode);
    if (!ms)
        return NULL;
    modeflags_t m;
    if (parse_mode(ms, &m) < 0) {
        GP_DECREF(ms);
        return NULL;
    }
    gp_type_t *t = !m.binary ? &gp_textio_type
                 : m.reading ? &gp_bufreader_type : &gp_bufwriter_type;
    gp_file_t *f = file_alloc(t);
    if (!f) {
        GP_DECREF(ms);
        return NULL;
    }
    setup(f, fd, &m, 0, 0);
    f->mode = ms;
    f->name = gp_str_from_cstr(name);
    if (!m.binary) {
        int tty = isatty(fd);
        f->line_buffering = (uint8_t)(tty && f->writable);
        f->write_through = fd == 2;
        f->encoding = gp_str_from_cstr("utf-8");
        f->errors = gp_str_from_cstr(fd == 2 ? "backslashreplace"
                                             : "surrogateescape");
        if (!f->encoding || !f->errors) {
            GP_DECREF(GP_OBJ(f));
            return NULL;
        }
    } else if (fd == 2) {
        f->write_through = 1;
    }
    if (!f->name) {
        GP_DECREF(GP_OBJ(f));
        return NULL;
    }
    return GP_OBJ(f);
}

static gp_obj_t *open_meth(gp_obj_t *self, gp_obj_t *const *args,
                           gp_ssize_t nargs, gp_obj_t *kwnames)
{
    return gp_open(args, nargs, kwnames);
}

const gp_methoddef_t gp_open_def = {
    "open", GP_METH_FN(open_meth), GP_METH_FASTCALL | GP_METH_KEYWORDS,
    "Open file and return a stream.  Raise OSError upon failure."
};

int gp_obj_file_init(void)
{
    /* io.UnsupportedOperation is laid out as an OSError: take its
    ** instance layout and life-cycle slots explicitly. */
    gp_type_t *u = &gp_unsupported_op_type, *b = &gp_exc_OSError;
    u->basicsize = b->basicsize;
    u->itemsize = b->itemsize;
    u->dictoffset = b->dictoffset;
    u->flags |= b->flags & (GP_TPFLAGS_HAVE_GC | GP_TPFLAGS_BASE_EXC_SUBCLASS);
    if (!u->dealloc) u->dealloc = b->dealloc;
    if (!u->traverse) u->traverse = b->traverse;
    if (!u->clear) u->clear = b->clear;
    if (!u->new_) u->new_ = b->new_;
    if (!u->init) u->init = b->init;
    if (gp_type_ready(&gp_textio_type) < 0 ||
        gp_type_ready(&gp_bufreader_type) < 0 ||
        gp_type_ready(&gp_bufwriter_type) < 0 ||
        gp_type_ready(&gp_bufrandom_type) < 0 ||
        gp_type_ready(&gp_fileio_type) < 0 ||
        gp_type_ready(&gp_unsupported_op_type) < 0)
        return -1;
    return 0;
}
