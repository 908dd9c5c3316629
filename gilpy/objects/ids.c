/*
** ids.c — the identifier strings of ids.h: one immortal, interned str per
** name, made once at process start-up (gp_obj_str_init) and shared by
** every interpreter; each interpreter's interning table is seeded with
** them when it is first used (obj_str.c).
** Guard: written once before any interpreter runs, read-only afterwards.
*/
#include "strobj.h"
#include "ids.h"

gp_obj_t *gp_id_table[GP_ID_COUNT];

static const char *const id_names[GP_ID_COUNT] = {
#define GP_ID_NAME(n) #n,
    GP_ID_LIST(GP_ID_NAME)
#undef GP_ID_NAME
};

int gp_ids_init(void)
{
    for (int i = 0; i < GP_ID_COUNT; i++) {
        if (gp_id_table[i])
            continue;
        gp_obj_t *s = gp_str_from_cstr(id_names[i]);
        if (!s)
            return -1;
        /* One-character names are the shared latin-1 strings, already
        ** immortal; the rest become so. */
        s->refcnt = GP_IMMORTAL_REFCNT;
        ((gp_str_t *)s)->interned = 1;
        gp_id_table[i] = s;
    }
    return 0;
}
