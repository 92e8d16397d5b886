#!/usr/bin/env python3
"""A mutant of the oracle in another language: a line-protocol proxy.

It starts the real server (the command in sys.argv[1:]), forwards every request line to it and
every response line back, and plants one deviation: a wait4 with WNOHANG that finds children but
nothing to report (kern_exit.c:837-841: td_retval[0] = 0, no error) fails with ECHILD instead, as
if the nfound test (kern_exit.c:833-835) counted only children with something to report.

    python3 mutants/python/wnohang-echild.py node dist/adapters/protocol/oracle-server.js

The protocol is strictly one response per request, so a synchronous loop is enough.
"""
import json
import subprocess
import sys


def is_wnohang_wait(request):
    step = request.get("step") if request.get("type") == "step" else None
    return isinstance(step, dict) and step.get("call") == "wait4" and "WNOHANG" in step.get("options", [])


def plant(response):
    """The one deviation: the caller's 'nothing yet' return becomes ECHILD."""
    observations = response.get("result", {}).get("observations", [])
    own = observations[0] if observations else None
    if own and own.get("kind") == "return" and own.get("ret") == 0 and "errno" not in own:
        for field in ("ret", "status", "rusage"):
            own.pop(field, None)
        own["errno"] = "ECHILD"
        return True
    return False


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: wnohang-echild.py SERVER [ARGS...]\n")
        return 2
    server = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    for line in sys.stdin:
        server.stdin.write(line)
        server.stdin.flush()
        answer = server.stdout.readline()
        if not answer:
            break
        try:
            request = json.loads(line)
        except ValueError:
            request = {}
        if isinstance(request, dict) and is_wnohang_wait(request):
            response = json.loads(answer)
            if plant(response):
                answer = json.dumps(response, separators=(",", ":")) + "\n"
        sys.stdout.write(answer)
        sys.stdout.flush()
    server.stdin.close()
    return server.wait()


if __name__ == "__main__":
    sys.exit(main())
