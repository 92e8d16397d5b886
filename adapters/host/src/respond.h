/* Protocol responses (adapters/protocol/messages.ts) as JSON lines. */
#ifndef RC_RESPOND_H
#define RC_RESPOND_H

#include "json.h"
#include "kernel.h"

/*
 * A StepResult: the caller's observation, then the completions in order. Returns -1 (with err)
 * when an errno has no symbolic name, which the caller reports as an internal error.
 */
int respond_result(jbuf *b, int64_t seq, const step_outcome *out, long tick_us, char *err, size_t errlen);
void respond_error(jbuf *b, int64_t seq, const char *kind, const char *message);
void respond_ok(jbuf *b, int64_t seq);

#endif
