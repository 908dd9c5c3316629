/*
** main.c — the gilpy command: `gilpy FILE [ARGS]`, `-c CODE`, `-m MODULE`,
** `-V`, `-h`, and with no program an interactive REPL (readline line
** editing and history, multi-line blocks, repr echo through
** sys.displayhook).  The program's fate decides the exit status as in
** CPython: 0, 1 after an uncaught exception, SystemExit's code, 2 for
** bad usage, 130 after an uncaught KeyboardInterrupt.
**
** Guard: the main thread holds the GIL from gp_interp_start to exit,
** except while the REPL waits for a line (other threads run then).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>

#ifdef GP_HAVE_READLINE
#include <readline/readline.h>
#include <readline/history.h>
#endif

#include <gil.h>
#include "config.h"
#include "vm/state.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/ceval.h"
#include "compile/compile.h"
#include "compile/dis.h"
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"

static const char usage_text[] =
"usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
"Options:\n"
"-c cmd : program passed in as string (terminates option list)\n"
"-h     : print this help message and exit (also -? or --help)\n"
"-i     : inspect interactively after running script\n"
"-m mod : run library module as a script (terminates option list)\n"
"-q     : don't print version and copyright messages on interactive startup\n"
"-u     : unbuffered stdout and stderr (gilpy's are flushed at each write\n"
"         to a terminal and at exit)\n"
"-V     : print the version number and exit (also --version)\n"
"-X gil=POLICY : start with the GIL policy fair, cpython or legacy\n"
"-X dis : print the bytecode of the program (every code object) instead\n"
"         of running it\n"
"-B, -E, -I, -s, -S, -O : accepted for compatibility, no effect\n"
"file   : program read from script file\n"
"-      : program read from stdin (default; interactive mode if a tty)\n"
"arg ...: arguments passed to program in sys.argv[1:]\n"
"Environment: GILPYPATH (':'-separated directories added to sys.path),\n"
"PYTHONHASHSEED (as CPython's).\n";

/* ---- the program's end ------------------------------------------------- */

/* The exit status for SystemExit(code), printing a non-int code to stderr
** as CPython does. */
static int system_exit_status(gp_obj_t *exc)
{
    gp_obj_t *code = gp_getattr_str(exc, "code");
    if (!code) {
        gp_err_clear();
        return 1;
    }
    int status = 0;
    if (code == GP_NONE) {
        status = 0;
    } else if (GP_INT_CHECK(code)) {
        int overflow = 0;
        int64_t v = gp_int_as_i64_overflow(code, &overflow);
        status = overflow ? -1 : (int)v;
        if (overflow)
            gp_err_clear();
    } else {
        gp_interp_t *in = gp_icur();
        gp_obj_t *err = gp_dict_getitem_str(in->sysdict, "stderr");
        gp_obj_t *s = gp_str(code);
        if (s && err && err != GP_NONE) {
            gp_obj_t *r = gp_call_method_str(err, "write", 1, s);
            GP_XDECREF(r);
            gp_obj_t *nl = gp_str_from_cstr("\n");
            r = nl ? gp_call_method_str(err, "write", 1, nl) : NULL;
            GP_XDECREF(r);
            GP_XDECREF(nl);
        }
        GP_XDECREF(s);
        gp_err_clear();
        status = 1;
    }
    GP_DECREF(code);
    return status;
}

/* Report the exception in flight the way the top level does and return
** the process's exit status. */
static int report_exception(void)
{
    gp_obj_t *exc = gp_err_fetch();
    if (!exc)
        return 0;
    if (GP_ISINSTANCE_OF(exc, &gp_exc_SystemExit)) {
        int st = system_exit_status(exc);
        GP_DECREF(exc);
        return st;
    }
    int status = GP_ISINSTANCE_OF(exc, &gp_exc_KeyboardInterrupt) ? 130 : 1;
    gp_interp_t *in = gp_icur();
    gp_obj_t *hook = gp_dict_getitem_str(in->sysdict, "excepthook");
    gp_obj_t *tb = gp_exc_get_traceback(exc);
    gp_obj_t *r = NULL;
    if (hook)
        r = gp_call_args(hook, 3, (gp_obj_t *)GP_TYPE(exc), exc,
                         tb ? tb : GP_NONE);
    if (r) {
        GP_DECREF(r);
    } else {
        if (hook) {
            gp_obj_t *e2 = gp_err_fetch();
            if (e2 && !GP_ISINSTANCE_OF(e2, &gp_exc_SystemExit)) {
                fputs("Error in sys.excepthook:\n", stderr);
                gp_err_display(e2);
                fputs("\nOriginal exception was:\n", stderr);
            }
            GP_XDECREF(e2);
        }
        gp_err_display(exc);
    }
    gp_err_clear();
    GP_DECREF(exc);
    return status;
}

/* ---- running a program ------------------------------------------------- */

static gp_obj_t *main_globals(gp_interp_t *in)
{
    gp_obj_t *name = gp_str_from_cstr("__main__");
    gp_obj_t *m = name ? gp_module_new(name) : NULL;
    GP_XDECREF(name);
    if (!m)
        return NULL;
    if (gp_dict_setitem_str(in->modules, "__main__", m) < 0 ||
        gp_dict_setitem_str(gp_module_dict(m), "__builtins__",
                            gp_dict_getitem_str(in->modules, "builtins"))
            < 0) {
        GP_DECREF(m);
        return NULL;
    }
    in->main_module = m;
    return gp_module_dict(m);
}

static char *slurp(FILE *f, gp_ssize_t *len)
{
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = realloc(buf, (cap *= 2) + 1);
        if (!nb)
            free(buf);
        buf = nb;
    }
    if (buf)
        buf[n] = 0;
    *len = (gp_ssize_t)n;
    return buf;
}

/* Run a script file as __main__.  Returns -2 when it cannot be opened
** (message printed), else as gp_run_source. */
static int run_file(const char *prog, const char *path, gp_obj_t *g)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        int e = errno;
        char abs[PATH_MAX];
        if (path[0] != '/' && getcwd(abs, sizeof abs - strlen(path) - 2))
            strcat(strcat(abs, "/"), path);
        else
            snprintf(abs, sizeof abs, "%s", path);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog,
                abs, e, strerror(e));
        return -2;
    }
    gp_ssize_t len;
    char *src = slurp(f, &len);
    if (f != stdin)
        fclose(f);
    if (!src) {
        gp_err_nomemory();
        return -1;
    }
    /* As CPython 3.9+: the script's code and __file__ carry its absolute
    ** path (tracebacks show it), sys.argv[0] keeps what was typed. */
    char absbuf[PATH_MAX];
    const char *fname = f == stdin ? "<stdin>"
                      : realpath(path, absbuf) ? absbuf : path;
    gp_obj_t *file = gp_str_from_cstr(fname);
    int rc = -1;
    if (file && (f == stdin ||
                 gp_dict_setitem_str(g, "__file__", file) == 0))
        rc = gp_run_source(src, len, fname, g);
    GP_XDECREF(file);
    free(src);
    return rc;
}

/* -X dis FILE: the compiled bytecode, for whoever works on the VM. */
static int dis_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 0;
    }
    gp_ssize_t len;
    char *src = slurp(f, &len);
    fclose(f);
    gp_obj_t *fn = src ? gp_str_from_cstr(path) : NULL;
    gp_obj_t *code = fn ? gp_compile_source(src, len, fn, "exec") : NULL;
    GP_XDECREF(fn);
    free(src);
    if (!code)
        return -1;
    gp_dis(code, stdout);
    GP_DECREF(code);
    return 0;
}

/* -m NAME: find NAME.py (or NAME/__main__.py) on sys.path. */
static int find_module_file(gp_interp_t *in, const char *name,
                            char *out, size_t outsz)
{
    gp_obj_t *path = gp_dict_getitem_str(in->sysdict, "path");
    char rel[1024];
    if (strlen(name) >= sizeof rel)
        return 0;
    snprintf(rel, sizeof rel, "%s", name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    for (gp_ssize_t i = 0; path && i < gp_length(path); i++) {
        gp_obj_t *d = gp_getitem_int(path, i);
        const char *ds = d && GP_STR_CHECK(d) ? gp_str_utf8(d, NULL) : NULL;
        if (ds) {
            const char *sep = *ds ? "/" : "";
            int n = snprintf(out, outsz, "%s%s%s.py", ds, sep, rel);
            if (n > 0 && (size_t)n < outsz && access(out, R_OK) == 0) {
                GP_DECREF(d);
                return 1;
            }
            n = snprintf(out, outsz, "%s%s%s/__main__.py", ds, sep, rel);
            if (n > 0 && (size_t)n < outsz && access(out, R_OK) == 0) {
                GP_DECREF(d);
                return 1;
            }
        }
        GP_XDECREF(d);
        gp_err_clear();
    }
    return 0;
}

/* ---- the REPL ---------------------------------------------------------- */

/* Read one line with the prompt, releasing the GIL meanwhile so that
** other threads run.  NULL at end of input. */
static char *read_line(const char *prompt, int tty)
{
    char *line = NULL;
    GIL_BEGIN_ALLOW_THREADS
#ifdef GP_HAVE_READLINE
    if (tty) {
        line = readline(prompt);
        if (line && *line)
            add_history(line);
    } else
#endif
    {
        fputs(prompt, stderr);
        fflush(stderr);
        size_t cap = 0;
        ssize_t n = getline(&line, &cap, stdin);
        if (n < 0) {
            free(line);
            line = NULL;
        } else if (n > 0 && line[n - 1] == '\n') {
            line[n - 1] = 0;
        }
    }
    GIL_END_ALLOW_THREADS
    return line;
}

/* Is this SyntaxError just the end of an unfinished statement? */
static int incomplete(gp_obj_t *exc, int *block)
{
    gp_obj_t *msg = gp_getattr_str(exc, "msg");
    if (!msg) {
        gp_err_clear();
        return 0;
    }
    const char *m = GP_STR_CHECK(msg) ? gp_str_utf8(msg, NULL) : "";
    size_t n = strlen(m);
    int r = 0;
    if (strncmp(m, "expected an indented block", 26) == 0) {
        *block = 1;
        r = 1;
    } else if (strcmp(m, "unexpected EOF while parsing") == 0 ||
               strcmp(m, "unterminated triple-quoted string literal") == 0 ||
               (n > 16 && strcmp(m + n - 16, "was never closed") == 0)) {
        r = 1;
    }
    GP_DECREF(msg);
    return r;
}

static const char *prompt(gp_interp_t *in, const char *name, const char *d)
{
    gp_obj_t *p = gp_dict_getitem_str(in->sysdict, name);
    return p && GP_STR_CHECK(p) ? gp_str_utf8(p, NULL) : d;
}

static int repl(gp_interp_t *in, gp_obj_t *g, int quiet)
{
    int tty = isatty(0);
    if (!quiet)
        fprintf(stderr, "gilpy %s (Python %s subset) on linux\n"
                "Type \"help\", \"copyright\", \"credits\" or \"license\" "
                "for more information.\n", GP_VERSION, GP_PY_VERSION);
    gp_obj_t *fname = gp_str_from_cstr("<stdin>");
    if (!fname)
        return -1;
    for (;;) {
        char *line = read_line(prompt(in, "ps1", ">>> "), tty);
        if (!line) {
            fputc('\n', stderr);
            break;
        }
        size_t cap = strlen(line) + 2, len = 0;
        char *buf = malloc(cap);
        int block = 0, nlines = 1, last_empty = !*line;
        len = (size_t)sprintf(buf, "%s\n", line);
        free(line);
        gp_obj_t *code;
        for (;;) {
            code = gp_compile_source(buf, (gp_ssize_t)len, fname, "single");
            int more = 0;
            if (!code && gp_err_matches(&gp_exc_SyntaxError)) {
                gp_obj_t *e = gp_err_fetch();
                more = incomplete(e, &block) && !last_empty;
                gp_err_restore(e);
            } else if (code && block && !last_empty) {
                more = 1;
            }
            if (!more)
                break;
            if (code)
                GP_CLEAR(code);
            gp_err_clear();
            line = read_line(prompt(in, "ps2", "... "), tty);
            if (!line)
                break;
            last_empty = !*line;
            size_t l = strlen(line);
            char *nb = realloc(buf, cap = len + l + 2);
            if (nb) {
                buf = nb;
                len += (size_t)sprintf(buf + len, "%s\n", line);
                nlines++;
            }
            free(line);
        }
        free(buf);
        gp_obj_t *r = NULL;
        if (code) {
            r = gp_eval_code(code, g, g);
            GP_DECREF(code);
        }
        if (r) {
            GP_DECREF(r);
        } else if (gp_err_occurred()) {
            if (gp_err_matches(&gp_exc_SystemExit)) {
                GP_DECREF(fname);
                return -1;
            }
            report_exception();
        }
        gp_obj_t *out = gp_dict_getitem_str(in->sysdict, "stdout");
        if (out && out != GP_NONE) {
            gp_obj_t *fr = gp_call_method_str(out, "flush", 0);
            if (fr)
                GP_DECREF(fr);
            else
                gp_err_clear();
        }
    }
    GP_DECREF(fname);
    return 0;
}

/* ---- options ----------------------------------------------------------- */

static int set_policy(gp_interp_t *in, const char *name)
{
    for (int p = 0; p < 3; p++) {
        if (strcmp(gil_policy_name((gil_policy_t)p), name) == 0) {
            gil_set_policy(in->gil, (gil_policy_t)p);
            return 0;
        }
    }
    return -1;
}

int main(int argc, char **argv)
{
    const char *prog = argv[0];
    const char *cmd = NULL, *mod = NULL, *file = NULL, *policy = NULL;
    int inspect = 0, quiet = 0, dis = 0, i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0) {
            printf("Python %s (gilpy %s)\n", GP_PY_VERSION, GP_VERSION);
            return 0;
        }
        if (strcmp(a, "--help") == 0) {
            printf(usage_text, prog);
            return 0;
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c':
            case 'm':
            case 'X': {
                const char *val = p[1] ? p + 1 : argv[++i];
                if (!val) {
                    fprintf(stderr, "Argument expected for the -%c option\n"
                            "usage: %s [option] ... [-c cmd | -m mod | file "
                            "| -] [arg] ...\nTry `%s -h' for more "
                            "information.\n", *p, prog, prog);
                    return 2;
                }
                if (*p == 'X') {
                    if (strncmp(val, "gil=", 4) == 0)
                        policy = val + 4;
                    else if (strcmp(val, "dis") == 0)
                        dis = 1;
                    goto next_arg;
                }
                if (*p == 'c')
                    cmd = val;
                else
                    mod = val;
                i++;
                goto options_done;
            }
            case 'V':
                printf("Python %s (gilpy %s)\n", GP_PY_VERSION, GP_VERSION);
                return 0;
            case 'h':
            case '?':
                printf(usage_text, prog);
                return 0;
            case 'i': inspect = 1; break;
            case 'q': quiet = 1; break;
            case 'u': case 'B': case 'E': case 'I': case 's': case 'S':
            case 'O': case 'b': case 'd': case 'v': case 'P':
                break;
            case 'W':
                if (!p[1])
                    i++;
                goto next_arg;
            default:
                fprintf(stderr, "Unknown option: -%c\nusage: %s [option] "
                        "... [-c cmd | -m mod | file | -] [arg] ...\nTry "
                        "`%s -h' for more information.\n", *p, prog, prog);
                return 2;
            }
        }
next_arg:;
    }
options_done:
    if (!cmd && !mod && i < argc)
        file = argv[i++];

    gp_interp_t *in = gp_interp_start(0, NULL);
    if (policy && set_policy(in, policy) < 0) {
        fprintf(stderr, "%s: unknown GIL policy '%s' (fair, cpython, "
                "legacy)\n", prog, policy);
        return 2;
    }
    gp_obj_t *g = main_globals(in);
    if (!g) {
        report_exception();
        return 1;
    }

    /* sys.argv: [program] + the rest; sys.path[0]: the script's directory
    ** ("" for -c, -m and the REPL, which CPython makes the cwd). */
    int nrest = argc - i;
    char **av = malloc(sizeof(char *) * (size_t)(nrest + 1));
    char modpath[PATH_MAX];
    av[0] = cmd ? "-c" : mod ? modpath : file ? (char *)file : "";
    for (int k = 0; k < nrest; k++)
        av[k + 1] = argv[i + k];
    char dir[PATH_MAX] = "";
    if (file && strcmp(file, "-") != 0) {
        char real[PATH_MAX];
        if (realpath(file, real)) {
            char *slash = strrchr(real, '/');
            *slash = 0;
            snprintf(dir, sizeof dir, "%s", real[0] ? real : "/");
        }
    } else if (cmd || mod) {
        if (!getcwd(dir, sizeof dir))
            dir[0] = 0;
    }
    int status = 0, rc = 0;
    if (gp_sys_set_argv(in, nrest + 1, av, dir) < 0) {
        rc = -1;
    } else if (cmd) {
        rc = gp_run_source(cmd, (gp_ssize_t)strlen(cmd), "<string>", g);
    } else if (mod) {
        if (!find_module_file(in, mod, modpath, sizeof modpath)) {
            fprintf(stderr, "%s: No module named %s\n", prog, mod);
            status = 1;
        } else {
            gp_sys_set_argv(in, nrest + 1, av, NULL);
            rc = run_file(prog, modpath, g);
        }
    } else if (file && strcmp(file, "-") != 0 && dis) {
        rc = dis_file(file);
    } else if (file && strcmp(file, "-") != 0) {
        rc = run_file(prog, file, g);
        if (rc == -2) {
            status = 2;
            rc = 0;
        }
    } else if (isatty(0) || inspect) {
        inspect = 1;            /* -i forces the REPL, even on a pipe */
    } else {
        rc = run_file(prog, "-", g);
    }
    free(av);
    if (rc < 0)
        status = report_exception();
    if (inspect && status == 0 && rc == 0) {
        if (repl(in, g, quiet || cmd || file) < 0)
            status = report_exception();
    }
    status = gp_interp_finish(in, status);
    fflush(stdout);
    return status;
}
