/*
** fileobj.h — built-in file objects: what open() returns (CPython's
** _io.TextIOWrapper, _io.BufferedReader / BufferedWriter / BufferedRandom
** and, with buffering=0, _io.FileIO), over a file descriptor with the
** codecs of bytesobj.h (utf-8, ascii, latin-1).  sys.stdin, sys.stdout and
** sys.stderr are made with gp_file_from_fd.
**
** Guard: the GIL.  Reads and writes of terminals, pipes and sockets run
** with the GIL released (the object's buffers are only touched while it
** is held); regular files are read and written with the GIL held.
*/
#ifndef GP_FILEOBJ_H
#define GP_FILEOBJ_H

#include "object.h"

extern gp_type_t gp_textio_type, gp_bufreader_type, gp_bufwriter_type,
                 gp_bufrandom_type, gp_fileio_type;
/* io.UnsupportedOperation (an OSError): "not readable", "not writable",
** "File or stream is not seekable." */
extern gp_type_t gp_unsupported_op_type;

/* True for the file objects of this header (any of the five types). */
int gp_file_check(gp_obj_t *o);

/* open(file, mode='r', buffering=-1, encoding=None, errors=None,
** newline=None, closefd=True, opener=None): CPython's argument names,
** checks and messages ("invalid mode: 'rz'", "[Errno 2] No such file or
** directory: 'x'" ...).  For the builtins module. */
gp_obj_t *gp_open(gp_obj_t *const *args, gp_ssize_t nargs, gp_obj_t *kwnames);
/* The same as a method table entry (FASTCALL | KEYWORDS, self ignored),
** with CPython's docstring, ready for the builtins module's table. */
extern const gp_methoddef_t gp_open_def;

/* A file object over an open descriptor that it will not close (closefd
** False), for sys.stdin/stdout/stderr: mode "r" / "w" (text, utf-8; "rb"
** / "wb" binary), name shown as given ("<stdout>").  Text streams are
** line-buffered on a terminal, block-buffered otherwise; fd 2 is flushed
** on every write and uses errors="backslashreplace" (others
** "surrogateescape", as CPython under a C/UTF-8 locale).  The runtime
** flushes sys.stdout at exit (flush method). */
gp_obj_t *gp_file_from_fd(int fd, const char *mode, const char *name);

/* Makes the file types ready; called by gp_types_init() after the
** exception types are ready (io.UnsupportedOperation takes OSError's
** layout).  0 / -1. */
int gp_obj_file_init(void);

#endif
