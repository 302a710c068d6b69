"""Threads: each has its own parser, the GIL is released while validating, and a bytearray
that another thread changes is copied first."""

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import heymilo
from conftest import DOCUMENTS, example


def test_threads_get_their_own_results():
    expected = {document: heymilo.parse(example(document), document) for document in DOCUMENTS}

    def work(index):
        document = DOCUMENTS[index % len(DOCUMENTS)]
        for _ in range(200):
            assert heymilo.parse(example(document), document) == expected[document]
            assert heymilo.validate("{}", "interview_started").errors[0].path == "/interview_id"
        return document

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sorted(pool.map(work, range(24))) == sorted(DOCUMENTS * 4)


def test_the_gil_is_released_while_validating(cli):
    code, report = cli("generate", "--event", "report_available", "--size", "4M")
    assert code == 0
    ticks = 0
    stop = threading.Event()

    def spin():  # runs only when no other thread holds the GIL
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0001)

    interval = sys.getswitchinterval()
    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        while ticks == 0:
            time.sleep(0.001)
        # This thread now keeps the GIL unless it gives it up itself.
        sys.setswitchinterval(100)
        before = ticks
        for _ in range(5):
            assert heymilo.validate(report).valid
        during = ticks - before
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        spinner.join()
    assert during > 0


def test_a_bytearray_changed_by_another_thread_never_breaks_validation():
    body = bytearray(example("report_available"))
    original = bytes(body)
    stop = threading.Event()

    def scribble():
        index = 0
        while not stop.is_set():
            body[index % len(body)] ^= 0x20
            index += 7

    writer = threading.Thread(target=scribble)
    writer.start()
    try:
        for _ in range(500):
            result = heymilo.validate(body)  # any verdict, never a crash
            assert result.valid in (True, False)
    finally:
        stop.set()
        writer.join()
    assert heymilo.validate(original).valid
