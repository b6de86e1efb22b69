"""The package installs and runs from a wheel, outside the checkout, with its data inside it."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "esper-rabat-2020-10-02.ar.txt"


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "dashboard").rglob("__init__.py")
               if "__pycache__" not in p.parts}
    assert folders | {"dashboard.data"} == listed


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """A fresh virtual environment holding the wheel built from this checkout (the runtime
    dependencies come from this interpreter's site-packages, so no download is needed)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(work / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((work / "dist").glob("*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
                   check=True, capture_output=True)
    return python


@pytest.mark.slow
def test_the_installed_package_is_the_wheel_not_the_checkout(installed_wheel, tmp_path):
    out = subprocess.run([str(installed_wheel), "-c", "import dashboard, dashboard.settings as s;"
                          "print(dashboard.__file__); print(s.data_dir())"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0].startswith(str(installed_wheel.parent.parent))
    assert out[1] == str(Path(out[0]).parent / "data")


@pytest.mark.slow
def test_extract_runs_on_the_sample_from_the_installed_wheel(installed_wheel, tmp_path):
    line = json.dumps({"id": "sample", "text": SAMPLE.read_text(encoding="utf-8"), "published": "2020-10-02"},
                      ensure_ascii=False)
    proc = subprocess.run([str(installed_wheel), "-m", "dashboard", "extract"], input=line + "\n", cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["lang"] == "ar"
    assert {"Rabat", "Tunis", "Algiers", "Bouznika", "Tripoli"} <= {p["name"] for p in result["places"]}
    assert len(result["events"]) >= 6


@pytest.mark.slow
def test_build_from_the_installed_wheel_uses_the_packaged_samples(installed_wheel, tmp_path):
    db = tmp_path / "store.duckdb"
    proc = subprocess.run([str(installed_wheel), "-m", "dashboard", "build", "--db", str(db)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stdout
