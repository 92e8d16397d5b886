#include "json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nesting deeper than this is refused: no request of the protocol comes close. */
#define MAX_DEPTH 32

typedef struct {
	jdoc *doc;
	const char *text;
	size_t pos;
	char *err;
	size_t errlen;
	int depth;
} parser;

static void *arena_alloc(jdoc *doc, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (doc->used + n > doc->cap) {
		/* Chunks are never moved: a new chunk links back to the old one in its first word. */
		size_t cap = n + 4096 > 65536 ? n + 4096 : 65536;
		char *chunk = malloc(cap);
		if (!chunk) {
			fprintf(stderr, "reapcheck-host: out of memory\n");
			exit(3);
		}
		*(char **)chunk = doc->arena;
		doc->arena = chunk;
		doc->used = 16;
		doc->cap = cap;
	}
	void *p = doc->arena + doc->used;
	doc->used += n;
	memset(p, 0, n);
	return p;
}

void jdoc_free(jdoc *doc)
{
	char *c = doc->arena;
	while (c) {
		char *prev = *(char **)c;
		free(c);
		c = prev;
	}
	doc->arena = NULL;
	doc->used = doc->cap = 0;
}

static jvalue *fail(parser *p, const char *what)
{
	if (!p->err[0])
		snprintf(p->err, p->errlen, "invalid JSON at byte %zu: %s", p->pos, what);
	return NULL;
}

static void skip_ws(parser *p)
{
	while (strchr(" \t\r\n", p->text[p->pos]) && p->text[p->pos])
		p->pos++;
}

static bool literal(parser *p, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(p->text + p->pos, word, n) != 0)
		return false;
	p->pos += n;
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Encode a code point as UTF-8; returns the byte count. */
static int utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int read_hex4(parser *p, unsigned *cp)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		int h = hexval(p->text[p->pos]);
		if (h < 0)
			return -1;
		v = v * 16 + (unsigned)h;
		p->pos++;
	}
	*cp = v;
	return 0;
}

static const char *parse_string(parser *p)
{
	/* The unescaped text is never longer than the escaped one. */
	size_t start = ++p->pos, end = start;
	while (p->text[end] && p->text[end] != '"')
		end += p->text[end] == '\\' && p->text[end + 1] ? 2 : 1;
	char *out = arena_alloc(p->doc, end - start + 1), *o = out;
	for (;;) {
		unsigned char c = (unsigned char)p->text[p->pos];
		if (c == 0)
			return (const char *)fail(p, "unterminated string");
		if (c < 0x20)
			return (const char *)fail(p, "control character in string");
		p->pos++;
		if (c == '"')
			break;
		if (c != '\\') {
			*o++ = (char)c;
			continue;
		}
		char e = p->text[p->pos++];
		unsigned cp;
		switch (e) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (read_hex4(p, &cp) < 0)
				return (const char *)fail(p, "bad \\u escape");
			if (cp >= 0xd800 && cp < 0xdc00) {
				unsigned lo;
				if (p->text[p->pos] != '\\' || p->text[p->pos + 1] != 'u')
					return (const char *)fail(p, "unpaired surrogate");
				p->pos += 2;
				if (read_hex4(p, &lo) < 0 || lo < 0xdc00 || lo >= 0xe000)
					return (const char *)fail(p, "bad surrogate pair");
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			} else if (cp >= 0xdc00 && cp < 0xe000) {
				return (const char *)fail(p, "unpaired surrogate");
			}
			if (cp == 0)
				return (const char *)fail(p, "\\u0000 is not accepted");
			o += utf8(cp, o);
			break;
		default:
			return (const char *)fail(p, "bad escape");
		}
	}
	*o = 0;
	return out;
}

static jvalue *parse_value(parser *p);

static jvalue *parse_number(parser *p, jvalue *v)
{
	size_t start = p->pos;
	bool neg = p->text[p->pos] == '-';
	if (neg)
		p->pos++;
	if (p->text[p->pos] < '0' || p->text[p->pos] > '9')
		return fail(p, "expected a digit");
	if (p->text[p->pos] == '0' && p->text[p->pos + 1] >= '0' && p->text[p->pos + 1] <= '9')
		return fail(p, "leading zero");
	/* Accumulate as a negative number so INT64_MIN fits. */
	int64_t acc = 0;
	while (p->text[p->pos] >= '0' && p->text[p->pos] <= '9') {
		int d = p->text[p->pos++] - '0';
		if (acc < (INT64_MIN + d) / 10)
			return fail(p, "integer out of range");
		acc = acc * 10 - d;
	}
	if (strchr(".eE", p->text[p->pos]) && p->text[p->pos]) {
		p->pos = start;
		return fail(p, "only integers are accepted");
	}
	if (!neg && acc == INT64_MIN)
		return fail(p, "integer out of range");
	v->type = J_INT;
	v->i = neg ? acc : -acc;
	return v;
}

static jvalue *parse_container(parser *p, jvalue *v, bool object)
{
	char close = object ? '}' : ']';
	jvalue **tail = &v->child;
	v->type = object ? J_OBJECT : J_ARRAY;
	if (++p->depth > MAX_DEPTH)
		return fail(p, "nested too deeply");
	p->pos++;
	skip_ws(p);
	if (p->text[p->pos] == close) {
		p->pos++;
		p->depth--;
		return v;
	}
	for (;;) {
		const char *key = NULL;
		skip_ws(p);
		if (object) {
			if (p->text[p->pos] != '"')
				return fail(p, "expected a member name");
			if (!(key = parse_string(p)))
				return NULL;
			skip_ws(p);
			if (p->text[p->pos++] != ':')
				return fail(p, "expected ':'");
		}
		jvalue *item = parse_value(p);
		if (!item)
			return NULL;
		item->key = key;
		*tail = item;
		tail = &item->next;
		skip_ws(p);
		char c = p->text[p->pos++];
		if (c == close)
			break;
		if (c != ',')
			return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
	p->depth--;
	return v;
}

static jvalue *parse_value(parser *p)
{
	skip_ws(p);
	jvalue *v = arena_alloc(p->doc, sizeof *v);
	char c = p->text[p->pos];
	if (c == '{' || c == '[')
		return parse_container(p, v, c == '{');
	if (c == '"') {
		v->type = J_STRING;
		return (v->s = parse_string(p)) ? v : NULL;
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(p, v);
	if (literal(p, "true") || literal(p, "false")) {
		v->type = J_BOOL;
		v->b = p->text[p->pos - 1] == 'e' && p->text[p->pos - 2] == 'u';
		return v;
	}
	if (literal(p, "null")) {
		v->type = J_NULL;
		return v;
	}
	return fail(p, "expected a value");
}

jvalue *json_parse(jdoc *doc, const char *text, char *err, size_t errlen)
{
	parser p = { .doc = doc, .text = text, .err = err, .errlen = errlen };
	err[0] = 0;
	jvalue *v = parse_value(&p);
	if (!v)
		return NULL;
	skip_ws(&p);
	if (text[p.pos])
		return fail(&p, "trailing characters");
	return v;
}

jvalue *json_get(const jvalue *obj, const char *key)
{
	if (!obj || obj->type != J_OBJECT)
		return NULL;
	for (jvalue *m = obj->child; m; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

static void jb_reserve(jbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		fprintf(stderr, "reapcheck-host: out of memory\n");
		exit(3);
	}
	b->p = p;
	b->cap = cap;
}

void jb_raw(jbuf *b, const char *s)
{
	size_t n = strlen(s);
	jb_reserve(b, n);
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

void jb_fmt(jbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	jb_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void jb_str(jbuf *b, const char *s)
{
	jb_raw(b, "\"");
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			jb_fmt(b, "\\%c", c);
		else if (c < 0x20)
			jb_fmt(b, "\\u%04x", c);
		else
			jb_fmt(b, "%c", c);
	}
	jb_raw(b, "\"");
}

void jb_free(jbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
