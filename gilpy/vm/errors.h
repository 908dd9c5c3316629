/*
** errors.h — raising, testing and clearing the current exception, and the
** built-in exception types.  As CPython 3.12's API: the current exception
** is always a normalised instance (no separate type/value/traceback
** triple).  It lives in the thread's gp_thread_t (state.h), never in a
** global.  Guard: the GIL (a thread only touches its own exception).
**
** The exception objects themselves (BaseException and its attributes
** args, __cause__, __context__, __suppress_context__, __traceback__, and
** the subclasses with extra fields: SystemExit.code, KeyError's str,
** StopIteration.value, SyntaxError's filename/lineno/offset/text/...,
** OSError's errno/strerror/filename, ImportError.name,
** UnicodeDecodeError) are in objects/obj_exc.c.
*/
#ifndef GP_ERRORS_H
#define GP_ERRORS_H

#include "objects/object.h"

/* X(name, base) in an order where a base precedes its subclasses. */
#define GP_EXC_LIST(X) \
    X(BaseException, NULL) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(PendingDeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(UserWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(BytesWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(ResourceWarning, Warning)

#define GP_EXC_DECLARE(name, base) extern gp_type_t gp_exc_##name;
GP_EXC_LIST(GP_EXC_DECLARE)
#undef GP_EXC_DECLARE

/* The instance layout of BaseException (subclasses add fields after). */
typedef struct {
    gp_obj_t ob;
    gp_obj_t *dict;         /* instance __dict__, or NULL */
    gp_obj_t *args;         /* tuple */
    gp_obj_t *notes;        /* unused (3.11 __notes__), NULL */
    gp_obj_t *traceback;    /* traceback object or NULL */
    gp_obj_t *context;
    gp_obj_t *cause;
    char suppress_context;
} gp_exc_obj_t;

/* Readies every type of GP_EXC_LIST (objects/obj_exc.c); called by
** gp_types_init. */
int gp_obj_exc_init(void);
/* errors.c's own types (sys.unraisablehook's argument, the C-stderr
** fallback writer); gp_obj_exc_init calls it. */
int gp_errors_init(void);

#define GP_IS_EXC_INSTANCE(o) \
    GP_TYPE_CHECK_FAST(o, GP_TPFLAGS_BASE_EXC_SUBCLASS)
#define GP_IS_EXC_TYPE(t) \
    (((gp_type_t *)(t))->flags & GP_TPFLAGS_BASE_EXC_SUBCLASS)

/* ---- setting --------------------------------------------------------- */

/* Raise type(value): value NULL -> type(), a tuple -> type(*value), an
** instance of type -> itself, else type(value).  As PyErr_SetObject,
** including setting __context__ from the exception being handled. */
void gp_err_set(gp_type_t *type, gp_obj_t *value);
void gp_err_set_none(gp_type_t *type);
void gp_err_set_str(gp_type_t *type, const char *msg);
/* Message from gp_str_fromformat (strobj.h: %s %d %zd %ld %lld %u %lu %llu
** %x %c %p %S %R %U %A %V, and %.Ns).  Always returns NULL. */
gp_obj_t *gp_err_format(gp_type_t *type, const char *fmt, ...);
/* Raise an exception instance (steals exc); NULL clears. */
void gp_err_restore(gp_obj_t *exc);
/* MemoryError; returns NULL. */
gp_obj_t *gp_err_nomemory(void);
/* OSError subclass chosen from errno (ENOENT -> FileNotFoundError ...),
** with errno, strerror and filename (may be NULL).  Returns NULL. */
gp_obj_t *gp_err_from_errno(gp_type_t *base, gp_obj_t *filename);
/* SystemError("bad argument to internal function"); returns NULL. */
gp_obj_t *gp_err_badinternalcall(const char *where);

/* ---- testing and taking ---------------------------------------------- */

/* The current exception (borrowed) or NULL. */
gp_obj_t *gp_err_occurred(void);
/* Is the current exception an instance of type (or of one in a tuple)? */
int gp_err_matches(gp_type_t *type);
/* Does exception instance/class exc match type or a tuple of types? */
int gp_err_given_matches(gp_obj_t *exc, gp_obj_t *type);
/* Take the current exception (new reference, or NULL), leaving none. */
gp_obj_t *gp_err_fetch(void);
void gp_err_clear(void);

/* Print exc with its traceback, as the top level does, to sys.stderr
** (fallback: C stderr); handles SystemExit only in gp_err_print. */
void gp_err_display(gp_obj_t *exc);
/* The top level's handler: SystemExit -> exits the process with its code
** (after interpreter finalisation); anything else is displayed (via
** sys.excepthook) and cleared. */
void gp_err_print(void);
/* The same without leaving the process: takes the current exception;
** SystemExit -> returns 1 with *exit_code its status (code None -> 0, an
** int -> that, else str(code) written to stderr and 1); anything else ->
** reported through sys.excepthook, *exit_code = 1, returns 0 (1 if the
** hook raised SystemExit).  No exception: 0 and *exit_code = 0. */
int gp_err_print_exit(int *exit_code);
/* An exception that cannot propagate (in __del__, in a callback):
** "Exception ignored in: <obj repr>" and the traceback, then cleared. */
void gp_err_write_unraisable(gp_obj_t *obj);
/* The same with CPython's err_msg ("Exception ignored in thread started
** by"); NULL means "Exception ignored in".  Both go through
** sys.unraisablehook when sys has one. */
void gp_err_write_unraisable_msg(const char *err_msg, gp_obj_t *obj);
/* sys.unraisablehook's default (sys.__unraisablehook__), GP_METH_O: its
** argument has exc_type, exc_value, exc_traceback, err_msg, object. */
gp_obj_t *gp_sys_unraisablehook(gp_obj_t *module, gp_obj_t *args);
extern gp_type_t gp_unraisable_hookargs_type;

/* The handled exception stack (sys.exc_info(), bare `raise`, implicit
** __context__): borrowed, None or NULL when nothing is being handled. */
gp_obj_t *gp_err_handled(void);

/* Exception accessors (obj_exc.c).  Borrowed / new as named. */
gp_obj_t *gp_exc_get_args(gp_obj_t *exc);              /* borrowed */
void gp_exc_set_context(gp_obj_t *exc, gp_obj_t *ctx); /* steals ctx */
void gp_exc_set_cause(gp_obj_t *exc, gp_obj_t *cause); /* steals cause */
gp_obj_t *gp_exc_get_traceback(gp_obj_t *exc);         /* borrowed */
void gp_exc_set_traceback(gp_obj_t *exc, gp_obj_t *tb);/* new ref taken */
/* type(*args) for an exception class; built-in classes skip the generic
** call machinery (new reference, or NULL with the error set). */
gp_obj_t *gp_exc_create(gp_type_t *type, gp_obj_t *const *args,
                        gp_ssize_t nargs);
/* StopIteration(value).value, new reference (None when no args). */
gp_obj_t *gp_exc_stopiteration_value(gp_obj_t *exc);

/* A SyntaxError/IndentationError/TabError with its attributes, as the
** parser and compiler raise them: lineno/offset 1-based (offset in
** characters), end_* may be 0 (None); text may be NULL (None). */
void gp_err_syntax(gp_type_t *type, const char *msg, gp_obj_t *filename,
                   int lineno, int offset, int end_lineno, int end_offset,
                   const char *text);

#endif
