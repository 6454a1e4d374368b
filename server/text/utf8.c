/* UTF-8: strict validation for input texts, lenient decoding for lexicon
 * entries and single words, encoding. */
#include "text_internal.h"

#include <string.h>

int
txt_utf8_valid(const char *str, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    if (NULL == s && len)
        len = 0;
    while (i < len) {
        /* fast path: eight ASCII bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        /* fast path: two-byte sequences (Arabic letters) and the ASCII
         * bytes between them (spaces), in a loop of their own until
         * anything else, which the code below judges */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && 0x80 == (s[i + 1] & 0xC0)) {
            i += 2;
            while (i + 1 < len) {
                unsigned d = s[i];
                if (d < 0x80)
                    i++;
                else if (d >= 0xC2 && d <= 0xDF && 0x80 == (s[i + 1] & 0xC0))
                    i += 2;
                else
                    break;
            }
            continue;
        }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (0xE0 == c)
                lo = 0xA0; /* overlong */
            else if (0xED == c)
                hi = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (0xF0 == c)
                lo = 0x90; /* overlong */
            else if (0xF4 == c)
                hi = 0x8F; /* above U+10FFFF */
        } else {
            /* lone continuation byte, C0/C1 (overlong), F5..FF */
            goto fail;
        }
        if (len - i <= need)
            goto fail; /* truncated */
        if (s[i + 1] < lo || s[i + 1] > hi)
            goto fail;
        for (size_t k = 2; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                goto fail;
        i += need + 1;
        continue;
    fail:
        if (bad)
            *bad = i;
        return 0;
    }
    return 1;
}

size_t
txti_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t
txti_utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    size_t p = *i;
    unsigned c = s[p];
    if (c < 0x80) {
        *i = p + 1;
        return c;
    }
    size_t need;
    uint32_t cp;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
        if (0xE0 == c)
            lo = 0xA0;
        else if (0xED == c)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
        if (0xF0 == c)
            lo = 0x90;
        else if (0xF4 == c)
            hi = 0x8F;
    } else {
        *i = p + 1;
        return 0xFFFD;
    }
    if (len - p <= need || s[p + 1] < lo || s[p + 1] > hi) {
        *i = p + 1;
        return 0xFFFD;
    }
    for (size_t k = 1; k <= need; k++) {
        if ((s[p + k] & 0xC0) != 0x80) {
            *i = p + 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[p + k] & 0x3F);
    }
    *i = p + need + 1;
    return cp;
}

/* end of utf8.c */
