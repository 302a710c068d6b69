"""Builds heymilo._heymilo with the repository's CMake (-DHEYMILO_BUILD_PYTHON=ON), so that
pip and CMake compile the same target from one definition. Offline: CMake finds Debian's
pybind11 and libsimdjson-dev; nothing is downloaded."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

REPOSITORY = Path(__file__).resolve().parents[2]


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = Path(self.build_temp).resolve() / "cmake"
        configure = [
            "cmake", "-S", str(REPOSITORY), "-B", str(build),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DHEYMILO_BUILD_PYTHON=ON",
            "-DHEYMILO_BUILD_TESTS=OFF",
            "-DHEYMILO_BUILD_TOOLS=OFF",
            "-DHEYMILO_BUILD_BENCHMARKS=OFF",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(["cmake", "--build", str(build), "--target", "heymilo_python", "-j", jobs],
                       check=True)
        built = next((build / "bindings" / "python" / "heymilo").glob("_heymilo*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(ext_modules=[Extension("heymilo._heymilo", sources=[])], cmdclass={"build_ext": CMakeBuild})
