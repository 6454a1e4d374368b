/* lq_request_from_body() against Jansson: for many bodies built from
 * pieces (members of every type, escapes, surrogates, \u0000, control
 * characters, duplicates, trailing bytes, white space), whenever the fast
 * decoder takes a body, json_loadb() and lq_request_from_json() must take
 * it too and give the same request (text bytes, id, published, unit, date)
 * or the same error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "liqa/pipeline.h"
#include "liqa/status.h"
#include "test.h"

static uint64_t rng = 0x2545F4914F6CDD1Dull;

static uint32_t
rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return n ? (uint32_t)(rng % n) : 0;
}

static void
add(char *buf, size_t *n, size_t cap, const char *s)
{
    size_t l = strlen(s);
    if (*n + l + 1 < cap) {
        memcpy(buf + *n, s, l);
        *n += l;
        buf[*n] = '\0';
    }
}

static const char *const keys[] = { "\"text\"", "\"id\"", "\"published\"", "\"offsets\"",
                                    "\"other\"", "\"te\\u0078t\"", "\"\"", "\"t\\\"x\"",
                                    "\"text\"" };

static const char *const strs[] = {
    "\"التقى الرئيس نظيره\"", "\"a\\nb\\t\\\"c\\\\d\\/e\\b\\f\\r\"", "\"\\u0041\\u00e9\\u062A\"",
    "\"\\ud83d\\ude00\"", "\"\\uD834\\uDD1E x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\u0000\"",
    "\"\\u12\"", "\"\\x\"", "\"tab\there\"", "\"\x01\"", "\"\x7f\"", "\"2024-05-01\"",
    "\"2024-13-01\"", "\"utf16\"", "\"utf8\"", "\"codepoint\"", "\"km\"", "\"\"",
    "\"\xF0\x9F\x98\x80 \xD9\x85\"", "\"unterminated",
};

static const char *const others[] = { "null", "nul", "true", "1", "-2.5e3", "{}", "[\"x\"]",
                                      "{\"a\": \"b\"}", "NULL" };

static const char *const spaces[] = { "", " ", "\n", "\t", "\r\n ", "\xC2\xA0", "\f" };

/* the pieces of strs[] that Jansson takes */
static const int clean_strs[] = { 0, 1, 2, 3, 4, 12, 13, 14, 15, 16, 17, 18, 19, 20 };

static void
body(char *buf, size_t cap, size_t *n, int clean)
{
    *n = 0;
    buf[0] = '\0';
    add(buf, n, cap, spaces[rnd(5)]);
    if (0 == rnd(30))
        add(buf, n, cap, "[");
    else
        add(buf, n, cap, "{");
    size_t members = rnd(6);
    for (size_t m = 0; m < members; m++) {
        if (m)
            add(buf, n, cap, 0 == rnd(40) ? "" : ",");
        add(buf, n, cap, spaces[rnd(7)]);
        add(buf, n, cap, 0 == m && rnd(3) ? "\"text\"" : keys[rnd(9)]);
        add(buf, n, cap, spaces[rnd(5)]);
        add(buf, n, cap, 0 == rnd(40) ? "" : ":");
        add(buf, n, cap, spaces[rnd(5)]);
        if (clean ? 0 != rnd(12) : 0 != rnd(6)) {
            /* a string of one to three pieces */
            size_t k = 1 + rnd(3);
            char piece[256] = "\"";
            for (size_t j = 0; j < k; j++) {
                const char *p =
                    clean ? strs[clean_strs[rnd(sizeof(clean_strs) / sizeof(clean_strs[0]))]]
                          : strs[rnd(sizeof(strs) / sizeof(strs[0]))];
                size_t pl = strlen(p);
                /* the inside of the piece, without its quotes */
                if (pl >= 2 && '"' == p[pl - 1])
                    strncat(piece, p + 1, pl - 2);
                else
                    strncat(piece, p + 1, sizeof(piece) - strlen(piece) - 1);
            }
            if (clean || rnd(30))
                strcat(piece, "\"");
            add(buf, n, cap, piece);
        } else {
            add(buf, n, cap, others[rnd(sizeof(others) / sizeof(others[0]))]);
        }
        add(buf, n, cap, spaces[rnd(5)]);
    }
    if (rnd(25))
        add(buf, n, cap, "}");
    add(buf, n, cap, spaces[rnd(5)]);
    if (0 == rnd(25))
        add(buf, n, cap, 0 == rnd(2) ? "x" : "{}");
}

static int
same_str(const char *a, const char *b)
{
    return (NULL == a && NULL == b) || (a && b && 0 == strcmp(a, b));
}

int
main(void)
{
    unsigned taken = 0, ok = 0, invalid = 0, left = 0;
    char buf[2048];
    int agree = 1;
    for (int round = 0; round < 500000 && agree; round++) {
        size_t n = 0;
        body(buf, sizeof(buf), &n, round & 1);
        struct lq_request fast, slow;
        struct lq_error ferr, serr;
        memset(&ferr, 0, sizeof(ferr));
        memset(&serr, 0, sizeof(serr));
        char *mem = NULL;
        int handled = lq_request_from_body(buf, n, &fast, &mem, &ferr);
        int frc = ferr.status;
        if (!handled) {
            left++;
            CHECK(NULL == mem);
            continue;
        }
        taken++;
        json_error_t jerr;
        json_t *root = json_loadb(buf, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
        int srccheck = NULL != root;
        int src = root ? lq_request_from_json(root, &slow, &serr) : -99;
        agree = srccheck && src == frc;
        if (agree && LQ_OK == frc) {
            ok++;
            agree = fast.len == slow.len && 0 == memcmp(fast.text, slow.text, fast.len) &&
                    same_str(fast.id, slow.id) && same_str(fast.published, slow.published) &&
                    fast.unit == slow.unit && fast.dct.year == slow.dct.year &&
                    fast.dct.month == slow.dct.month && fast.dct.day == slow.dct.day;
        } else if (agree) {
            invalid++;
            agree = ferr.status == serr.status && 0 == strcmp(ferr.message, serr.message);
        }
        if (!agree)
            fprintf(stderr, "differ on: %s\n(jansson: %s)\n", buf, root ? "parsed" : jerr.text);
        CHECK(agree);
        json_decref(root);
        free(mem);
    }
    fprintf(stderr, "%u bodies taken (%u requests, %u refused as Jansson refuses), %u left\n",
            taken, ok, invalid, left);
    CHECK(ok > 1000 && invalid > 50 && left > 1000);
    return test_done();
}

/* end of test_request_body.c */
