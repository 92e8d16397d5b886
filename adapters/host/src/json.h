/*
 * A small, strict JSON reader (RFC 8259 subset: no duplicate checks, numbers must be integers that
 * fit in int64) and an append-only writer. The harness needs nothing more, and no library beyond libc.
 */
#ifndef RC_JSON_H
#define RC_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum { J_NULL, J_BOOL, J_INT, J_STRING, J_ARRAY, J_OBJECT } jtype;

typedef struct jvalue jvalue;
struct jvalue {
	jtype type;
	bool b;
	int64_t i;
	const char *s;       /* J_STRING: NUL-terminated, unescaped */
	const char *key;     /* member name when inside an object */
	jvalue *child;       /* first element or member */
	jvalue *next;        /* next sibling */
};

/*
 * Parse one document. Values live in an arena owned by the caller's jdoc until jdoc_free.
 * On error returns NULL and writes a message naming the byte offset into err.
 */
typedef struct {
	char *arena;
	size_t used, cap;
} jdoc;

jvalue *json_parse(jdoc *doc, const char *text, char *err, size_t errlen);
void jdoc_free(jdoc *doc);

/* Member lookup in an object; NULL when absent or not an object. */
jvalue *json_get(const jvalue *obj, const char *key);

/* Growable output buffer. Allocation failure aborts the harness (internal error, not user error). */
typedef struct {
	char *p;
	size_t len, cap;
} jbuf;

void jb_raw(jbuf *b, const char *s);
void jb_fmt(jbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A JSON string literal, escaped. */
void jb_str(jbuf *b, const char *s);
void jb_free(jbuf *b);

#endif
