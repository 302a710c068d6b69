"""The type stubs (heymilo/_heymilo.pyi) name what the module has: every public name, and
the event names it accepts."""

import ast
from pathlib import Path

import heymilo

STUB = ast.parse((Path(__file__).resolve().parents[1] / "heymilo" / "_heymilo.pyi").read_text())


def stub_names():
    names = set()
    for node in STUB.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names


def test_stub_declares_every_public_name():
    assert stub_names() == set(heymilo.__all__)


def test_stub_event_literal_lists_the_module_events():
    (event,) = [node for node in STUB.body
                if isinstance(node, ast.Assign) and node.targets[0].id == "Event"]
    assert tuple(element.value for element in event.value.slice.elts) == heymilo.EVENTS
