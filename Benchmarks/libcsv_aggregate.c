/* The peer for `tipstat aggregate --by statute,year --count --sum amount`: libcsv driven
 * directly from C with an open-addressing hash table, the library's own speed limit.
 *
 *   libcsv_aggregate FILE            group by columns 2 and 3 (statute, year), count rows and
 *                                    sum column 6 (amount, strtod), print the groups
 *   libcsv_aggregate --parse-only FILE   libcsv with empty callbacks: tokenising alone
 *
 * Built by `make bench` with gcc -O2 -lcsv. Reads in 64 KiB chunks like TIPStat.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 4096
#define KEY_MAX 64

struct group {
    int used;
    size_t key_len;
    char key[KEY_MAX];
    long count;
    double sum;
};

struct state {
    int column;
    int header_done;
    char key[KEY_MAX];
    size_t key_len;
    double amount;
    struct group groups[SLOTS];
};

static uint64_t hash(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

static void on_field(void *data, size_t len, void *ctx) {
    struct state *st = ctx;
    int c = st->column++;
    if (!st->header_done) return;
    if (c == 1 || c == 2) {
        if (st->key_len + len + 1 < KEY_MAX) {
            memcpy(st->key + st->key_len, data, len);
            st->key_len += len;
            st->key[st->key_len++] = '\x1f';
        }
    } else if (c == 5) {
        char buf[64];
        size_t n = len < 63 ? len : 63;
        memcpy(buf, data, n);
        buf[n] = 0;
        st->amount = strtod(buf, NULL);
    }
}

static void on_record(int c, void *ctx) {
    struct state *st = ctx;
    (void)c;
    if (st->column == 0) return;
    if (!st->header_done) {
        st->header_done = 1;
    } else {
        uint64_t h = hash(st->key, st->key_len) & (SLOTS - 1);
        for (;;) {
            struct group *g = &st->groups[h];
            if (!g->used) {
                g->used = 1;
                g->key_len = st->key_len;
                memcpy(g->key, st->key, st->key_len);
            }
            if (g->key_len == st->key_len && memcmp(g->key, st->key, st->key_len) == 0) {
                g->count++;
                g->sum += st->amount;
                break;
            }
            h = (h + 1) & (SLOTS - 1);
        }
    }
    st->column = 0;
    st->key_len = 0;
    st->amount = 0;
}

static void on_field_empty(void *data, size_t len, void *ctx) { (void)data; (void)len; (void)ctx; }
static void on_record_empty(int c, void *ctx) { (void)c; (void)ctx; }

int main(int argc, char **argv) {
    int parse_only = argc > 2 && strcmp(argv[1], "--parse-only") == 0;
    const char *path = argv[argc - 1];
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); return 1; }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return 1;
    static struct state st;
    static char buf[1 << 16];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        size_t done = parse_only ? csv_parse(&p, buf, n, on_field_empty, on_record_empty, &st)
                                 : csv_parse(&p, buf, n, on_field, on_record, &st);
        if (done != (size_t)n) { fprintf(stderr, "%s: %s\n", path, csv_strerror(csv_error(&p))); return 1; }
    }
    if (parse_only) {
        csv_fini(&p, on_field_empty, on_record_empty, &st);
    } else {
        csv_fini(&p, on_field, on_record, &st);
        long groups = 0, rows = 0;
        for (int i = 0; i < SLOTS; i++) if (st.groups[i].used) { groups++; rows += st.groups[i].count; }
        printf("%ld groups, %ld rows\n", groups, rows);
    }
    csv_free(&p);
    close(fd);
    return 0;
}
