/*
** siphash.c — the hash of str and bytes: SipHash-1-3 over the raw bytes
** (for str, its PEP 393 code units), keyed as CPython 3.11 keys it, so
** that with the same PYTHONHASHSEED every hash (and hence every set and
** dict order that depends on hashes) is CPython's.
**
** One key per process: gp_hash_key_init() sets it once at start-up,
** before gp_types_init() (which already hashes: type dicts) and before any
** thread; the runtime copies it into every gp_interp_t.hash_key.  All
** interpreters must hash alike, because the immortal strings of ids.h are
** shared by all of them and cache their hash.  Without gp_hash_key_init the
** key is zero, which is CPython's PYTHONHASHSEED=0.
** Guard: the key is written once before any thread starts, read-only
** afterwards.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "strobj.h"

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND(v0, v1, v2, v3) \
    do { \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
    } while (0)

static inline uint64_t load_le64(const uint8_t *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
           (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
           (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

uint64_t gp_siphash13(uint64_t k0, uint64_t k1, const void *src, size_t n)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    const uint8_t *p = src;
    size_t left = n;

    for (; left >= 8; left -= 8, p += 8) {
        uint64_t m = load_le64(p);
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t b = (uint64_t)n << 56;
    switch (left) {
    case 7: b |= (uint64_t)p[6] << 48; /* fall through */
    case 6: b |= (uint64_t)p[5] << 40; /* fall through */
    case 5: b |= (uint64_t)p[4] << 32; /* fall through */
    case 4: b |= (uint64_t)p[3] << 24; /* fall through */
    case 3: b |= (uint64_t)p[2] << 16; /* fall through */
    case 2: b |= (uint64_t)p[1] << 8;  /* fall through */
    case 1: b |= (uint64_t)p[0];       /* fall through */
    default: break;
    }
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/* Written once by gp_hash_key_init at process start (see above). */
static uint64_t process_key[2];

gp_hash_t gp_hash_bytes(const void *src, gp_ssize_t n)
{
    if (n == 0)
        return 0;       /* CPython: the empty string and b'' hash to 0 */
    gp_hash_t h = (gp_hash_t)gp_siphash13(process_key[0], process_key[1], src,
                                          (size_t)n);
    return h == -1 ? -2 : h;
}

/* CPython fills its 24-byte secret from the seed with the Microsoft C
** runtime's LCG, one byte (bits 16..23) per step; the SipHash key is the
** first 16 bytes read as two little-endian words. */
void gp_hash_key_from_seed(uint32_t seed, uint64_t key[2])
{
    uint8_t buf[16];
    uint32_t x = seed;

    if (seed == 0) {        /* PYTHONHASHSEED=0: randomisation off */
        key[0] = key[1] = 0;
        return;
    }
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (uint8_t)((x >> 16) & 0xff);
    }
    key[0] = load_le64(buf);
    key[1] = load_le64(buf + 8);
}

int gp_hash_key_init(uint64_t key[2], int *seeded)
{
    const char *s = getenv("PYTHONHASHSEED");

    if (s && *s && strcmp(s, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(s, &end, 10);
        if (*end || errno || v > 4294967295ULL || *s == '-' || *s == '+' ||
            *s == ' ')
            return -1;
        gp_hash_key_from_seed((uint32_t)v, key);
        *seeded = 1;
        process_key[0] = key[0];
        process_key[1] = key[1];
        return 0;
    }
    *seeded = 0;
    uint8_t buf[16];
    size_t got = 0;
    while (got < sizeof buf) {
        ssize_t r = getrandom(buf + got, sizeof buf - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            /* No entropy source: a weak but working key beats none. */
            uint64_t t = (uint64_t)(uintptr_t)&got ^ (uint64_t)getpid();
            for (size_t i = got; i < sizeof buf; i++, t = t * 6364136223846793005ULL + 1)
                buf[i] = (uint8_t)(t >> 56);
            break;
        }
        got += (size_t)r;
    }
    key[0] = load_le64(buf);
    key[1] = load_le64(buf + 8);
    process_key[0] = key[0];
    process_key[1] = key[1];
    return 0;
}
