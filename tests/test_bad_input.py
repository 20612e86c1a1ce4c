"""Bad files dropped into data/: each gets one line naming the file, what is wrong and how to fix it; the rest
of the site still builds; `--strict` fails after listing every problem; nothing under data/ is ever written.

Big and binary fixtures are made here in tmp_path rather than committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from project_kit import ROOT, build, make_project

from builder.analysis import Analyser
from builder.config import load_config
from builder.ingest import ingest
from builder.pipeline import analyse

SEED = "panarmenian/000_4c61d7137088035a.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
GERMAN = ("Brücke wieder offen\n\nDer Stadtrat hat am Montag beschlossen, dass die alte Brücke über den Fluss im "
          "Mai wieder für den Verkehr geöffnet wird. Nach Angaben der Verwaltung sind die Reparaturen fast "
          "abgeschlossen, und die Kosten liegen unter dem geplanten Budget. Anwohner hatten sich monatelang über "
          "die langen Umwege beschwert, die der Bau mit sich brachte.\n")
ARTICLE = "A headline of our own\n\nThe council said on Monday that the bridge would reopen in May.\n"


def put(relative: str, content: bytes | str) -> Callable[[Path], Path]:
    def make(articles: Path) -> Path:
        path = articles / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return make


def link(relative: str, target: str) -> Callable[[Path], Path]:
    def make(articles: Path) -> Path:
        (articles / relative).symlink_to(target)
        return articles / relative
    return make


def folder(relative: str) -> Callable[[Path], Path]:
    def make(articles: Path) -> Path:
        (articles / relative).mkdir()
        return articles / relative
    return make


def duplicate(articles: Path) -> Path:
    shutil.copyfile(articles / SEED, articles / "panarmenian/copy-of-the-seed.txt")
    return articles / "panarmenian/copy-of-the-seed.txt"


def huge(articles: Path) -> Path:
    path = articles / "panarmenian/huge.txt"
    with path.open("wb") as stream:
        stream.truncate(20_000_000)  # 20 MB; its size alone rules it out
    return path


def front(fields: str) -> str:
    return f"---\n{fields}\n---\n{ARTICLE}"


# name -> (make the bad file under data/articles/, words the one-line message must contain)
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (put("panarmenian/empty.txt", b""), "file is empty"),
    "whitespace": (put("panarmenian/blank.md", " \n\t\n  \n"), "file is empty"),
    "png-bytes": (put("panarmenian/image.txt", PNG), "NUL bytes"),
    "png-file": (put("panarmenian/photo.png", PNG), "unsupported file type"),
    "invalid-utf8": (put("panarmenian/latin1.txt", "Caf\xe9 cr\xe8me, d\xe9j\xe0 vu\n".encode("latin-1")), "not valid UTF-8"),
    "utf16-bom": (put("panarmenian/utf16.txt", ARTICLE.encode("utf-16")), "UTF-16"),
    "nul-bytes": (put("panarmenian/nul.txt", b"Title\n\nText\x00with a NUL\n"), "NUL bytes"),
    "20-mb": (huge, "too large"),
    "1-mb-line": (put("panarmenian/one-line.txt", "Title\n" + "word " * 190_000), "characters long"),
    "yaml-syntax": (put("panarmenian/bad-yaml.md", front("title: [unclosed")), "not valid YAML"),
    "yaml-list": (put("panarmenian/list.md", front("- title\n- url")), "not a mapping"),
    "yaml-unknown-key": (put("panarmenian/typo.md", front("titel: Something")), "unknown front matter"),
    "yaml-title-mapping": (put("panarmenian/nested.md", front("title: {a: 1}")), "must be text"),
    "published-yesterday": (put("panarmenian/when.md", front("published: yesterday")), "not a date"),
    "unknown-outlet": (lambda articles: put("nosuch/article.txt", ARTICLE)(articles).parent, "not in data/outlets.yml"),
    "outlet-mismatch": (put("panarmenian/elsewhere.md", front("outlet: southfront")), "front matter says"),
    "duplicate": (duplicate, "the same article as"),
    "undeclared-language": (put("panarmenian/brucke.txt", GERMAN), "does not look like English"),
    "html-without-article": (put("panarmenian/index.html", "<html><body><nav>Home</nav></body></html>"),
                             "no article text"),
    "stray-file": (put("stray.txt", ARTICLE), "outside an outlet folder"),
    "folder-named-like-article": (folder("panarmenian/folder.txt"), "folder named like an article"),
    "symlink-loop": (link("panarmenian/loop.txt", "loop.txt"), "looping symbolic link"),
    "symlink-outside": (link("panarmenian/passwd.txt", "/etc/passwd"), "outside data/articles/"),
    "symlinked-outlet-folder": (link("linked", "/usr/share/doc"), "outside data/articles/"),
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def one_problem(lines: list[str], path: Path, words: str) -> str:
    mine = [line for line in lines if f"{path}:" in line]
    assert len(mine) == 1, lines
    line = mine[0]
    assert words in line and " — " in line and "\n" not in line, line
    return line


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_one_clear_line_and_the_rest_builds(project: Path, name: str) -> None:
    make, words = CASES[name]
    path = make(project / "data/articles")
    result = ingest(load_config(project))
    one_problem([str(p) for p in result.problems], path, words)
    assert {a.outlet for a in result.articles} >= {"panarmenian", "southfront"}


def test_unreadable_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = put("panarmenian/secret.txt", ARTICLE)(project / "data/articles")
    path.chmod(0)
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:  # root reads mode-0 files anyway: simulate what others get
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = ingest(load_config(project))
    one_problem([str(p) for p in result.problems], path, "cannot be read")
    assert len(result.articles) == 2


@pytest.mark.parametrize(("yaml_text", "words"), [
    ("panarmenian: [unclosed\n", "not valid YAML"),
    ("panarmenian:\n  nmae: PanARMENIAN\n", "unknown field"),
    ("- panarmenian\n", "expected a mapping"),
    (b"\xff\xfe\x00garbage", "not valid YAML"),
])
def test_broken_outlets_yml_is_one_warning(project: Path, yaml_text: str | bytes, words: str) -> None:
    outlets = project / "data/outlets.yml"
    outlets.write_bytes(yaml_text if isinstance(yaml_text, bytes) else yaml_text.encode("utf-8"))
    config = load_config(project)
    result = ingest(config)
    lines = [*config.problems, *map(str, result.problems)]
    one_problem(lines, outlets, words)
    assert len(lines) == 1  # outlets are not each reported "missing" from a file that could not be read
    assert {o.name for o in result.outlets} == {"panarmenian", "southfront"}


def test_article_in_another_language(analyser: Analyser) -> None:
    from builder.models import Article

    german = Article(id="x/y", outlet="x", path="articles/x/y.md", title="Brücke", language="de",
                     text="Der Stadtrat sagte am Montag, die Brücke werde im Mai wieder geöffnet.")
    warnings: list[str] = []
    (result,) = analyse([german], analyser, None, warnings)
    assert result.analysis.attributions == ()
    assert len(warnings) == 1 and "articles/x/y.md" in warnings[0] and "not analysed" in warnings[0]


def data_state(data: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry under data/: mode, mtime and (for files that can be read) bytes."""
    state = {}
    for path in sorted(data.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        state[path.relative_to(data).as_posix()] = (info.st_mode, info.st_mtime_ns, content)
    return state


@pytest.mark.slow
def test_every_problem_listed_then_strict_fails_and_data_untouched(project: Path, analyser: Analyser) -> None:
    paths = [make(project / "data/articles") for make, _ in CASES.values()]
    unreadable = put("panarmenian/secret.txt", ARTICLE)(project / "data/articles")
    unreadable.chmod(0)  # only unreadable when the tests do not run as root
    before = data_state(project / "data")
    proc = subprocess.run([sys.executable, "-m", "builder", "build", "--strict", "--no-mkdocs", "--root", str(project)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "--strict" in proc.stderr.splitlines()[-1]
    lines = proc.stderr.splitlines()
    for path, (_, words) in zip(paths, CASES.values(), strict=True):
        one_problem(lines, path, words)
    assert not (project / "docs/stories").exists()  # a failed --strict build replaces nothing
    report = build(project, analyser, mkdocs=False)  # without --strict the good articles are published
    assert report.articles == 4 and (project / "docs/stories").is_dir()  # seeds, nosuch/article, brucke (no figures)
    assert data_state(project / "data") == before


@pytest.mark.parametrize("content", [b"{\"figures\": ", b"[1, 2]", b"\xff\xfe not text"])
def test_broken_results_file_names_itself_and_the_fix(project: Path, content: bytes) -> None:
    from builder.errors import ConfigError
    from builder.pipeline import render_context

    results = project / "bench" / "accuracy.json"
    results.parent.mkdir(exist_ok=True)
    results.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        render_context(load_config(project))
    assert str(results) in str(caught.value) and "make accuracy" in str(caught.value)
    assert results.read_bytes() == content  # reported, never rewritten
