/*
** mod_time.c — the time module: clocks (time, monotonic, perf_counter,
** process_time and their _ns forms), sleep (which releases the GIL and
** is interruptible: a signal runs the Python handlers on the main thread,
** and an exception from them ends the sleep), and the calendar functions
** localtime, gmtime, mktime, strftime, asctime, ctime with struct_time.
** Guard: the GIL, released only inside sleep's wait.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gil.h>
#include "objects/abstract.h"
#include "objects/dictobj.h"
#include "objects/gc.h"
#include "objects/listobj.h"
#include "objects/moduleobj.h"
#include "objects/numobj.h"
#include "objects/strobj.h"
#include "vm/ceval.h"
#include "vm/errors.h"
#include "vm/state.h"
#include "modules/mod_time.h"

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* nanoseconds to seconds the way CPython rounds them (a division) */
static double ns_to_sec(int64_t ns)
{
    if (ns % 1000000000 == 0)
        return (double)(ns / 1000000000);
    return (double)ns / 1e9;
}

#define CLOCK_FN(name, id) \
    static gp_obj_t *time_##name(gp_obj_t *m, gp_obj_t *unused) \
    { return gp_float_from_double(ns_to_sec(clock_ns(id))); } \
    static gp_obj_t *time_##name##_ns(gp_obj_t *m, gp_obj_t *unused) \
    { return gp_int_from_i64(clock_ns(id)); }

CLOCK_FN(time, CLOCK_REALTIME)
CLOCK_FN(monotonic, CLOCK_MONOTONIC)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID)

static int clock_id_arg(gp_obj_t *o, clockid_t *id)
{
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "Python int too large to convert to C int");
        return -1;
    }
    *id = (clockid_t)v;
    return 0;
}

static gp_obj_t *clock_query(gp_obj_t *arg, int res, int ns)
{
    clockid_t id;
    struct timespec ts;
    if (clock_id_arg(arg, &id) < 0)
        return NULL;
    if ((res ? clock_getres(id, &ts) : clock_gettime(id, &ts)) != 0)
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    int64_t v = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (ns)
        return gp_int_from_i64(v);
    if (res)    /* CPython: seconds + nanoseconds * 1e-9 */
        return gp_float_from_double((double)ts.tv_sec +
                                    (double)ts.tv_nsec * 1e-9);
    return gp_float_from_double(ns_to_sec(v));
}

static gp_obj_t *time_clock_gettime(gp_obj_t *m, gp_obj_t *arg)
{
    return clock_query(arg, 0, 0);
}

static gp_obj_t *time_clock_gettime_ns(gp_obj_t *m, gp_obj_t *arg)
{
    return clock_query(arg, 0, 1);
}

static gp_obj_t *time_clock_getres(gp_obj_t *m, gp_obj_t *arg)
{
    return clock_query(arg, 1, 0);
}

/* sleep(secs): the wait runs detached from the GIL; a signal interrupts
** nanosleep, and then the handlers run (with the GIL) before the rest of
** the wait, as CPython's pysleep. */
static gp_obj_t *time_sleep(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    if (nargs != 1) {
        return gp_err_format(&gp_exc_TypeError,
                             "time.sleep() takes exactly one argument (%zd "
                             "given)", nargs);
    }
    gp_obj_t *a = args[0];
    double secs;
    if (GP_FLOAT_CHECK(a)) {
        secs = gp_float_value(a);
        if (isnan(secs)) {
            gp_err_set_str(&gp_exc_ValueError, "Invalid value NaN (not a "
                           "number)");
            return NULL;
        }
    } else {
        gp_obj_t *i = gp_number_index(a);
        if (!i)
            return NULL;
        int ov;
        int64_t v = gp_int_as_i64_overflow(i, &ov);
        GP_DECREF(i);
        if (ov || v > INT64_MAX / 1000000000 || v < -INT64_MAX / 1000000000) {
            gp_err_set_str(&gp_exc_OverflowError,
                           "timestamp too large to convert to C _PyTime_t");
            return NULL;
        }
        secs = (double)v;
    }
    if (secs < 0) {
        gp_err_set_str(&gp_exc_ValueError, "sleep length must be "
                       "non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        gp_err_set_str(&gp_exc_OverflowError,
                       "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + (int64_t)(secs * 1e9);
    for (;;) {
        int64_t left = deadline - clock_ns(CLOCK_MONOTONIC);
        if (left < 0)
            left = 0;
        struct timespec ts = {left / 1000000000, left % 1000000000};
        int rc;
        GIL_BEGIN_ALLOW_THREADS
        rc = nanosleep(&ts, NULL);
        GIL_END_ALLOW_THREADS
        if (rc == 0)
            break;
        if (errno != EINTR)
            return gp_err_from_errno(&gp_exc_OSError, NULL);
        if (gp_eval_poll() < 0)
            return NULL;
    }
    GP_RETURN_NONE;
}

/* ---- struct_time -------------------------------------------------------- */

static const char *const tm_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", NULL
};

static gp_obj_t *st_get(gp_obj_t *self, void *closure)
{
    return gp_newref(GP_TUPLE_GET(self, (intptr_t)closure));
}

static gp_obj_t *st_repr(gp_obj_t *self)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_cstr(&b, "time.struct_time(");
    for (int i = 0; tm_fields[i]; i++) {
        gp_obj_t *r = gp_repr(GP_TUPLE_GET(self, i));
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        if (i)
            gp_strbuf_cstr(&b, ", ");
        gp_strbuf_cstr(&b, tm_fields[i]);
        gp_strbuf_char(&b, '=');
        gp_strbuf_str(&b, r);
        GP_DECREF(r);
    }
    gp_strbuf_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static gp_getsetdef_t st_getset[] = {
    {"tm_year", st_get, NULL, NULL, (void *)0},
    {"tm_mon", st_get, NULL, NULL, (void *)1},
    {"tm_mday", st_get, NULL, NULL, (void *)2},
    {"tm_hour", st_get, NULL, NULL, (void *)3},
    {"tm_min", st_get, NULL, NULL, (void *)4},
    {"tm_sec", st_get, NULL, NULL, (void *)5},
    {"tm_wday", st_get, NULL, NULL, (void *)6},
    {"tm_yday", st_get, NULL, NULL, (void *)7},
    {"tm_isdst", st_get, NULL, NULL, (void *)8},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_obj_t *st_new(gp_type_t *t, gp_obj_t *const *args,
                        gp_ssize_t nargs, gp_obj_t *kwnames)
{
    static const char *const names[] = {"sequence", "dict", NULL};
    gp_obj_t *a[2];
    if (nargs > 2)
        return gp_err_format(&gp_exc_TypeError, "structseq() takes at most "
                             "2 arguments (%zd given)", nargs);
    if (gp_arg_parse("structseq", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    if (!a[0])
        return gp_err_format(&gp_exc_TypeError, "structseq() missing "
                             "required argument 'sequence' (pos 1)");
    if (a[1] && a[1] != GP_NONE && !GP_DICT_CHECK(a[1]))
        return gp_err_format(&gp_exc_TypeError, "time.struct_time() takes a "
                             "dict as second arg, if any");
    gp_obj_t *seq = gp_sequence_tuple(a[0]);
    if (!seq) {
        if (gp_err_matches(&gp_exc_TypeError)) {
            gp_err_clear();
            gp_err_set_str(&gp_exc_TypeError,
                           "constructor requires a sequence");
        }
        return NULL;
    }
    gp_ssize_t n = GP_SIZE(seq);
    if (n < 9 || n > 11) {
        GP_DECREF(seq);
        return gp_err_format(&gp_exc_TypeError, "time.struct_time() takes "
                             "an at %s %d-sequence (%zd-sequence given)",
                             n < 9 ? "least" : "most", n < 9 ? 9 : 11, n);
    }
    /* the two hidden fields (tm_zone, tm_gmtoff) are not kept */
    gp_obj_t *r = gp_type_alloc(t, 9);
    if (!r) {
        GP_DECREF(seq);
        return NULL;
    }
    for (int i = 0; i < 9; i++)
        GP_TUPLE_SET(r, i, gp_newref(GP_TUPLE_GET(seq, i)));
    GP_DECREF(seq);
    gp_gc_track(r);
    return r;
}

gp_type_t gp_struct_time_type = {
    .ob = GP_VAROBJ_HEAD_INIT(&gp_type_type, 0),
    .name = "time.struct_time",
    .basicsize = sizeof(gp_tuple_t),
    .itemsize = sizeof(gp_obj_t *),
    .flags = GP_TPFLAGS_TUPLE_SUBCLASS | GP_TPFLAGS_HAVE_GC,
    .repr = st_repr,
    .new_ = st_new,
    .getset = st_getset,
    .base = &gp_tuple_type,
};

static gp_obj_t *from_tm(const struct tm *tm)
{
    gp_obj_t *t = gp_type_alloc(&gp_struct_time_type, 9);
    if (!t)
        return NULL;
    int v[9] = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
                tm->tm_hour, tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7,
                tm->tm_yday + 1, tm->tm_isdst};
    for (int i = 0; i < 9; i++) {
        gp_obj_t *x = gp_int_from_i64(v[i]);
        if (!x) {
            GP_DECREF(t);
            return NULL;
        }
        GP_TUPLE_SET(t, i, x);
    }
    gp_gc_track(t);
    return t;
}

/* A 9-tuple (or struct_time) to a struct tm, as CPython's gettmarg:
** fname names the caller in the size error. */
static int to_tm(const char *fname, gp_obj_t *t, struct tm *tm)
{
    if (!GP_TUPLE_CHECK(t)) {
        gp_err_set_str(&gp_exc_TypeError,
                       "Tuple or struct_time argument required");
        return -1;
    }
    if (GP_SIZE(t) != 9) {
        gp_err_format(&gp_exc_TypeError, "%s(): illegal time tuple argument",
                      fname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        gp_obj_t *x = GP_TUPLE_GET(t, i);
        if (GP_FLOAT_CHECK(x)) {
            gp_err_format(&gp_exc_TypeError, "'%s' object cannot be "
                          "interpreted as an integer",
                          gp_type_name_cstr(GP_TYPE(x)));
            return -1;
        }
        gp_obj_t *ix = gp_number_index(x);
        if (!ix)
            return -1;
        int ov;
        int64_t w = gp_int_as_i64_overflow(ix, &ov);
        GP_DECREF(ix);
        if (ov > 0 || w > INT32_MAX) {
            gp_err_set_str(&gp_exc_OverflowError,
                           "signed integer is greater than maximum");
            return -1;
        }
        if (ov < 0 || w < INT32_MIN) {
            gp_err_set_str(&gp_exc_OverflowError,
                           "signed integer is less than minimum");
            return -1;
        }
        v[i] = (int)w;
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;       /* C's %: -8 stays out of range */
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    return 0;
}

/* Range checks of asctime/strftime; a 0 month, day or day of year means
** the first. */
static int check_tm(struct tm *tm)
{
    const char *bad = NULL;
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11)
        bad = "month out of range";
    if (!bad) {
        if (tm->tm_mday == 0)
            tm->tm_mday = 1;
        else if (tm->tm_mday < 0 || tm->tm_mday > 31)
            bad = "day of month out of range";
    }
    if (!bad && (tm->tm_hour < 0 || tm->tm_hour > 23))
        bad = "hour out of range";
    if (!bad && (tm->tm_min < 0 || tm->tm_min > 59))
        bad = "minute out of range";
    if (!bad && (tm->tm_sec < 0 || tm->tm_sec > 61))
        bad = "seconds out of range";
    if (!bad && tm->tm_wday < 0)
        bad = "day of week out of range";
    if (!bad) {
        if (tm->tm_yday == -1)
            tm->tm_yday = 0;
        else if (tm->tm_yday < 0 || tm->tm_yday > 365)
            bad = "day of year out of range";
    }
    if (bad) {
        gp_err_set_str(&gp_exc_ValueError, bad);
        return -1;
    }
    return 0;
}

static void *time_t_range(void)
{
    gp_err_set_str(&gp_exc_OverflowError,
                   "timestamp out of range for platform time_t");
    return NULL;
}

/* Seconds since the epoch (None: now), rounded toward -inf. */
static int get_seconds(gp_obj_t *const *args, gp_ssize_t nargs, time_t *t)
{
    if (nargs == 0 || args[0] == GP_NONE) {
        *t = time(NULL);
        return 0;
    }
    gp_obj_t *a = args[0];
    if (GP_FLOAT_CHECK(a)) {
        double d = gp_float_value(a);
        if (isnan(d)) {
            gp_err_set_str(&gp_exc_ValueError,
                           "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
            time_t_range();
            return -1;
        }
        *t = (time_t)d;
        return 0;
    }
    gp_obj_t *i = gp_number_index(a);
    if (!i)
        return -1;
    int ov;
    int64_t v = gp_int_as_i64_overflow(i, &ov);
    GP_DECREF(i);
    if (ov) {
        time_t_range();
        return -1;
    }
    *t = (time_t)v;
    return 0;
}

static gp_obj_t *time_gmtime(gp_obj_t *m, gp_obj_t *const *args,
                             gp_ssize_t nargs)
{
    time_t t;
    struct tm tm;
    if (gp_arg_count("gmtime", nargs, 0, 1) < 0 ||
        get_seconds(args, nargs, &t) < 0)
        return NULL;
    if (!gmtime_r(&t, &tm))
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return from_tm(&tm);
}

static gp_obj_t *time_localtime(gp_obj_t *m, gp_obj_t *const *args,
                                gp_ssize_t nargs)
{
    time_t t;
    struct tm tm;
    if (gp_arg_count("localtime", nargs, 0, 1) < 0 ||
        get_seconds(args, nargs, &t) < 0)
        return NULL;
    if (!localtime_r(&t, &tm))
        return gp_err_from_errno(&gp_exc_OSError, NULL);
    return from_tm(&tm);
}

static gp_obj_t *time_mktime(gp_obj_t *m, gp_obj_t *arg)
{
    struct tm tm;
    if (to_tm("mktime", arg, &tm) < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        gp_err_set_str(&gp_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return gp_float_from_double((double)t);
}

static gp_obj_t *time_strftime(gp_obj_t *m, gp_obj_t *const *args,
                               gp_ssize_t nargs)
{
    if (gp_arg_count("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!GP_STR_CHECK(args[0])) {
        return gp_err_format(&gp_exc_TypeError,
                             "strftime() argument 1 must be str, not %s",
                             gp_type_name_cstr(GP_TYPE(args[0])));
    }
    struct tm tm;
    if (nargs == 2) {
        if (to_tm("strftime", args[1], &tm) < 0 || check_tm(&tm) < 0)
            return NULL;
        if (tm.tm_isdst < -1)
            tm.tm_isdst = -1;
        else if (tm.tm_isdst > 1)
            tm.tm_isdst = 1;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    gp_ssize_t fl;
    const char *fmt = gp_str_utf8(args[0], &fl);
    if (!fmt)
        return NULL;
    if ((gp_ssize_t)strlen(fmt) != fl) {
        gp_err_set_str(&gp_exc_ValueError, "embedded null character");
        return NULL;
    }
    /* strftime's 0 means "too small" or "empty result": grow the buffer
    ** up to a bound proportional to the format, as CPython does */
    char small[1024], *buf = small;
    size_t cap = sizeof small, n;
    for (;;) {
        n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * (size_t)fl)
            break;
        if (buf != small)
            free(buf);
        cap *= 2;
        buf = malloc(cap);
        if (!buf)
            return gp_err_nomemory();
    }
    gp_obj_t *r = gp_str_from_utf8(buf, (gp_ssize_t)n);
    if (buf != small)
        free(buf);
    return r;
}

static gp_obj_t *format_asctime(const struct tm *tm)
{
    static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu",
                                     "Fri", "Sat"};
    static const char *const mn[] = {"Jan", "Feb", "Mar", "Apr", "May",
                                     "Jun", "Jul", "Aug", "Sep", "Oct",
                                     "Nov", "Dec"};
    return gp_str_fromformat("%s %s%3d %.2d:%.2d:%.2d %d",
                             wd[(tm->tm_wday % 7 + 7) % 7],
                             mn[(tm->tm_mon % 12 + 12) % 12], tm->tm_mday,
                             tm->tm_hour, tm->tm_min, tm->tm_sec,
                             1900 + tm->tm_year);
}

static gp_obj_t *time_asctime(gp_obj_t *m, gp_obj_t *const *args,
                              gp_ssize_t nargs)
{
    struct tm tm;
    if (gp_arg_count("asctime", nargs, 0, 1) < 0)
        return NULL;
    if (nargs) {
        if (to_tm("asctime", args[0], &tm) < 0 || check_tm(&tm) < 0)
            return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    return format_asctime(&tm);
}

static gp_obj_t *time_ctime(gp_obj_t *m, gp_obj_t *const *args,
                            gp_ssize_t nargs)
{
    time_t t;
    struct tm tm;
    if (gp_arg_count("ctime", nargs, 0, 1) < 0 ||
        get_seconds(args, nargs, &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    return format_asctime(&tm);
}

static gp_obj_t *time_tzset(gp_obj_t *m, gp_obj_t *unused);

static gp_methoddef_t time_methods[] = {
    {"time", time_time, GP_METH_NOARGS, NULL},
    {"time_ns", time_time_ns, GP_METH_NOARGS, NULL},
    {"monotonic", time_monotonic, GP_METH_NOARGS, NULL},
    {"monotonic_ns", time_monotonic_ns, GP_METH_NOARGS, NULL},
    {"perf_counter", time_perf_counter, GP_METH_NOARGS, NULL},
    {"perf_counter_ns", time_perf_counter_ns, GP_METH_NOARGS, NULL},
    {"process_time", time_process_time, GP_METH_NOARGS, NULL},
    {"process_time_ns", time_process_time_ns, GP_METH_NOARGS, NULL},
    {"thread_time", time_thread_time, GP_METH_NOARGS, NULL},
    {"thread_time_ns", time_thread_time_ns, GP_METH_NOARGS, NULL},
    {"sleep", GP_METH_FN(time_sleep), GP_METH_FASTCALL, NULL},
    {"gmtime", GP_METH_FN(time_gmtime), GP_METH_FASTCALL, NULL},
    {"localtime", GP_METH_FN(time_localtime), GP_METH_FASTCALL, NULL},
    {"mktime", time_mktime, GP_METH_O, NULL},
    {"strftime", GP_METH_FN(time_strftime), GP_METH_FASTCALL, NULL},
    {"asctime", GP_METH_FN(time_asctime), GP_METH_FASTCALL, NULL},
    {"ctime", GP_METH_FN(time_ctime), GP_METH_FASTCALL, NULL},
    {"clock_gettime", time_clock_gettime, GP_METH_O, NULL},
    {"clock_gettime_ns", time_clock_gettime_ns, GP_METH_O, NULL},
    {"clock_getres", time_clock_getres, GP_METH_O, NULL},
    {"tzset", time_tzset, GP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* timezone, altzone, daylight, tzname from the C library's view of TZ */
static int set_tz_attrs(gp_obj_t *m)
{
    tzset();
    if (gp_module_add_int(m, "timezone", timezone) < 0 ||
        gp_module_add_int(m, "altzone", timezone - (daylight ? 3600 : 0))
            < 0 ||
        gp_module_add_int(m, "daylight", daylight) < 0)
        return -1;
    gp_obj_t *tz = gp_tuple_new(2);
    if (!tz)
        return -1;
    for (int i = 0; i < 2; i++) {
        gp_obj_t *s = gp_str_from_cstr(tzname[i]);
        if (!s) {
            GP_DECREF(tz);
            return -1;
        }
        GP_TUPLE_SET(tz, i, s);
    }
    int r = gp_module_add(m, "tzname", tz);
    GP_DECREF(tz);
    return r;
}

static gp_obj_t *time_tzset(gp_obj_t *m, gp_obj_t *unused)
{
    if (set_tz_attrs(m) < 0)
        return NULL;
    GP_RETURN_NONE;
}

static int time_exec(gp_obj_t *m)
{
    static const struct { const char *name; int id; } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME},
        {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
        if (gp_module_add_int(m, clocks[i].name, clocks[i].id) < 0)
            return -1;
    if (gp_module_add_type(m, &gp_struct_time_type) < 0 ||
        gp_module_add_int(m, "_STRUCT_TM_ITEMS", 11) < 0)
        return -1;
    return set_tz_attrs(m);
}

const gp_moduledef_t gp_mod_time = {
    .name = "time",
    .doc = "Time access and conversions.",
    .methods = time_methods,
    .exec = time_exec,
};
