"""The fault suite (issue 7): kill -9 while typing, the corrupt-file corpus, wrong
passphrases and the canary scan, all through the real command line and processes.

Two modes, chosen by the environment variable ``CPC_FAULTS``:

* unset (or anything but ``full``): the reduced run CI makes on every push, about a
  minute on two cores: 3 kill -9 trials, every corrupt-file case and command
  in-process with 2 hard-crash (child process) runs, 15 wrong passphrases and one
  canary session (itself ending in a fourth kill -9);
* ``CPC_FAULTS=full``: 100 kill -9 trials, every corrupt-file case and command also
  in a child process, the slow case of a store locked by another program, 100 wrong
  passphrases, and a hand-over round trip (with its backups) in the canary session.
  Takes many minutes.

    .venv/bin/pytest -q tests/faults                   # reduced
    CPC_FAULTS=full .venv/bin/pytest -q tests/faults   # full

See ``tests/faults/README.md`` for what each file covers.
"""
