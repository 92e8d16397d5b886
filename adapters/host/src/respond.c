#include "respond.h"
#include "names.h"

#include <stdio.h>
#include <string.h>

static const char *KINDS[] = { "return", "sleep", "noreturn" };

/* Microseconds to ticks, rounded to nearest (semantics.md §9.6: usage is compared in ticks). */
static long long ticks(int64_t us, long tick_us)
{
	return (long long)((us + tick_us / 2) / tick_us);
}

static int observation_json(jbuf *b, const observation *o, long tick_us, char *err, size_t errlen)
{
	jb_fmt(b, "{\"step\":%d,\"pid\":%d,\"call\":", o->step, o->pid);
	jb_str(b, o->call);
	jb_fmt(b, ",\"kind\":\"%s\"", KINDS[o->kind]);
	if (o->kind != OBS_RETURN) {
		jb_raw(b, "}");
		return 0;
	}
	if (o->err) {
		const char *name = value_name(ERRNOS, o->err);
		if (!name) {
			snprintf(err, errlen, "pid %d's %s failed with errno %d, which has no symbolic name", o->pid, o->call, o->err);
			return -1;
		}
		jb_fmt(b, ",\"errno\":\"%s\"", name);
	} else if (o->has_ret) {
		jb_fmt(b, ",\"ret\":%lld", (long long)o->ret);
	}
	if (o->has_status)
		jb_fmt(b, ",\"status\":%d", o->status);
	if (o->has_rusage)
		jb_fmt(b, ",\"rusage\":{\"utime\":%lld}", ticks(o->utime_us, tick_us));
	if (o->has_sigs) {
		jb_raw(b, ",\"sigs\":[");
		bool first = true;
		/* In the order of symbols.ts, so equal sets print equally. */
		for (const name_value *s = SIGNALS; s->name; s++)
			if (s->value > 0 && (o->sigs >> (s->value - 1)) & 1) {
				jb_fmt(b, "%s\"%s\"", first ? "" : ",", s->name);
				first = false;
			}
		jb_raw(b, "]");
	}
	jb_raw(b, "}");
	return 0;
}

int respond_result(jbuf *b, int64_t seq, const step_outcome *out, long tick_us, char *err, size_t errlen)
{
	jb_fmt(b, "{\"type\":\"result\",\"seq\":%lld,\"result\":{\"observations\":[", (long long)seq);
	if (observation_json(b, &out->caller, tick_us, err, errlen) < 0)
		return -1;
	for (int i = 0; i < out->ncompleted; i++) {
		jb_raw(b, ",");
		if (observation_json(b, &out->completed[i], tick_us, err, errlen) < 0)
			return -1;
	}
	jb_raw(b, "],\"log\":[]");
	if (out->panic[0]) {
		jb_raw(b, ",\"panic\":");
		jb_str(b, out->panic);
	}
	jb_raw(b, "}}\n");
	return 0;
}

void respond_error(jbuf *b, int64_t seq, const char *kind, const char *message)
{
	jb_fmt(b, "{\"type\":\"error\",\"seq\":%lld,\"error\":{\"kind\":\"%s\",\"message\":", (long long)seq, kind);
	jb_str(b, message);
	jb_raw(b, "}}\n");
}

void respond_ok(jbuf *b, int64_t seq)
{
	jb_fmt(b, "{\"type\":\"ok\",\"seq\":%lld}\n", (long long)seq);
}
