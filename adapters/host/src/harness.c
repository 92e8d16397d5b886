#define _GNU_SOURCE
#include "harness.h"
#include "json.h"
#include "request.h"
#include "respond.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROTOCOL_VERSION 1
#define HARNESS_NAME "host-linux"

static const char *KIND_NAMES[] = { "ok", "rejected", "unsupported", "internal" };

static void emit(jbuf *b)
{
	size_t off = 0;
	while (off < b->len) {
		ssize_t n = write(1, b->p + off, b->len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* the client is gone; end of input follows */
		off += (size_t)n;
	}
	b->len = 0;
	if (b->p)
		b->p[0] = 0;
}

static void on_step(kernel *k, int64_t seq, const jvalue *req, jbuf *b)
{
	char err[512];
	const jvalue *index = json_get(req, "index");
	if (!index || index->type != J_INT || index->i < 0 || index->i > INT32_MAX) {
		respond_error(b, seq, "protocol", "step.index: expected a non-negative integer");
		return;
	}
	step_request sr;
	res_kind r = parse_step(json_get(req, "step"), &sr, err, sizeof err);
	static step_outcome out;
	if (r == RES_OK)
		r = kernel_step(k, (int)index->i, &sr, &out, err, sizeof err);
	if (r == RES_OK && respond_result(b, seq, &out, k->lim.tick_us, err, sizeof err) == 0)
		return;
	b->len = 0;
	if (r == RES_OK)
		r = RES_INTERNAL;
	if (r == RES_INTERNAL) {
		/* The namespace's state is no longer known: tear it down; the client starts afresh. */
		kernel_stop(k);
	}
	respond_error(b, seq, KIND_NAMES[r], err);
}

static void on_reset(kernel *k, int64_t seq, const jvalue *req, jbuf *b)
{
	char err[512];
	ns_config cfg;
	res_kind r = parse_config(json_get(req, "config"), &cfg, err, sizeof err);
	if (r == RES_OK)
		r = kernel_reset(k, &cfg, err, sizeof err);
	if (r == RES_OK)
		respond_ok(b, seq);
	else
		respond_error(b, seq, KIND_NAMES[r], err);
}

static void on_hello(int64_t seq, const jvalue *req, jbuf *b)
{
	const jvalue *version = json_get(req, "version");
	const jvalue *profile = json_get(req, "profile");
	if (!version || version->type != J_INT || version->i != PROTOCOL_VERSION)
		respond_error(b, seq, "unsupported", "hello.version: this program speaks protocol version 1");
	else if (!profile || profile->type != J_STRING || strcmp(profile->s, "linux") != 0)
		respond_error(b, seq, "unsupported", "hello.profile: the host kernel is Linux; only the linux profile describes it");
	else
		jb_fmt(b, "{\"type\":\"hello\",\"seq\":%lld,\"version\":%d,\"name\":\"%s\",\"snapshots\":false}\n", (long long)seq, PROTOCOL_VERSION, HARNESS_NAME);
}

/* Returns 1 after bye. */
static int on_line(kernel *k, const char *line, jbuf *b)
{
	char err[256];
	jdoc doc = { 0 };
	jvalue *req = json_parse(&doc, line, err, sizeof err);
	const jvalue *type = json_get(req, "type");
	const jvalue *seqv = json_get(req, "seq");
	int64_t seq = seqv && seqv->type == J_INT ? seqv->i : 0;
	int done = 0;
	if (!req)
		respond_error(b, 0, "protocol", err);
	else if (!type || type->type != J_STRING)
		respond_error(b, seq, "protocol", "request.type: expected a string");
	else if (!seqv || seqv->type != J_INT || seq < 0)
		respond_error(b, 0, "protocol", "request.seq: expected a non-negative integer");
	else if (strcmp(type->s, "hello") == 0)
		on_hello(seq, req, b);
	else if (strcmp(type->s, "reset") == 0)
		on_reset(k, seq, req, b);
	else if (strcmp(type->s, "step") == 0)
		on_step(k, seq, req, b);
	else if (strcmp(type->s, "snapshot") == 0)
		respond_error(b, seq, "unsupported", "the host kernel's process table is not exported (snapshots: false)");
	else if (strcmp(type->s, "bye") == 0) {
		kernel_stop(k);
		respond_ok(b, seq);
		done = 1;
	} else {
		snprintf(err, sizeof err, "request.type: unknown request type %.64s", type->s);
		respond_error(b, seq, "protocol", err);
	}
	jdoc_free(&doc);
	return done;
}

int harness_serve(const limits *lim)
{
	static kernel k;
	memset(&k, 0, sizeof k);
	k.alive_fd = -1;
	k.lim = *lim;
	jbuf out = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = 0;
		if (n == 0)
			continue;
		int done = on_line(&k, line, &out);
		emit(&out);
		if (done)
			break;
	}
	kernel_stop(&k);
	free(line);
	jb_free(&out);
	return 0;
}
