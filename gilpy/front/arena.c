/*
** arena.c — the AST's memory: a bump allocator over 64 KiB blocks (bigger
** requests get a block of their own), freed all at once.  One arena per
** parse; not shared between threads.
*/
#include <stdlib.h>
#include <string.h>

#include "ast.h"

typedef struct block {
    struct block *next;
    size_t used, size;
    max_align_t data[];
} block_t;

struct gp_arena {
    block_t *head;
};

#define BLOCK_SIZE (64u << 10)

gp_arena_t *gp_arena_new(void)
{
    return calloc(1, sizeof(gp_arena_t));
}

void *gp_arena_alloc(gp_arena_t *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    block_t *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        b = malloc(sizeof(block_t) + size);
        if (!b)
            return NULL;
        b->size = size;
        b->used = 0;
        /* A big one-off block goes behind the current one, which may
        ** still have room for small requests. */
        if (a->head && size > BLOCK_SIZE) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *gp_arena_strdup(gp_arena_t *a, const char *s, size_t n)
{
    char *d = gp_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}

gp_ast_seq_t *gp_ast_seq_new(gp_arena_t *a, int n)
{
    gp_ast_seq_t *s = gp_arena_alloc(a, sizeof(gp_ast_seq_t) +
                                     sizeof(void *) * (size_t)n);
    if (s)
        s->n = n;
    return s;
}

void gp_arena_free(gp_arena_t *a)
{
    if (!a)
        return;
    block_t *b = a->head;
    while (b) {
        block_t *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}
