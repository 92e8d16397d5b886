/*
 * The symbolic names of interleaving/symbols.ts and their Linux x86-64 numbers (linux.md §0.1).
 * Steps and observations carry names; only this file knows numbers.
 */
#ifndef RC_NAMES_H
#define RC_NAMES_H

#include <stdint.h>

typedef struct {
	const char *name;
	int64_t value; /* -1: the name exists in the model but not on Linux */
} name_value;

extern const name_value SIGNALS[];
extern const name_value ERRNOS[];
extern const name_value WAIT_OPTIONS[];
extern const name_value SA_FLAGS[];
extern const name_value PTRACE_REQUESTS[];

/* The value of a name in a table; returns 0 and sets *found = 0 when the name is unknown. */
int64_t name_lookup(const name_value *table, const char *name, int *found);
/* The name of a value, or NULL. */
const char *value_name(const name_value *table, int64_t value);

#endif
