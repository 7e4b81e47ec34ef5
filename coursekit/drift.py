"""What changed in the original course (upstream) since a fork split off, by module.

Plain git through subprocess: ``git merge-base HEAD REF`` is the fork point; the files changed
between it and REF are the upstream changes, the files changed between it and the working tree
are the local ones. Files are mapped to modules through the loaded course (``kind`` and
``module`` of each page), new upstream pages through their front matter at REF or their folder.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from . import load_project
from .loader import Course, parse_document
from .model import Method, Module, Unit, Worksheet

__all__ = ["Change", "DriftError", "Report", "drift"]

DEFAULT_REFS = ("upstream/main", "origin/main")
KIND_LABELS = {
    "module": "Modulseite", "unit": "Einheit", "method": "Methode", "worksheet": "Arbeitsblatt",
    "practice": "Praxisbeispiel", "bibliography": "Literaturliste", "glossary": "Glossar",
}
STATUS_LABELS = {"A": "neu", "M": "geändert", "D": "gelöscht", "R": "umbenannt", "C": "kopiert", "T": "geändert"}
METHODS, PAGES, TECH = "Methoden", "Weitere Seiten", "Technik und Konfiguration"


class DriftError(Exception):
    """A German message: no git, no repository, unknown reference."""


@dataclass
class Change:
    """One file changed upstream."""

    status: str
    """Git status letter: A, M, D, R …"""
    path: str
    """Path in the repository ('/'-separated); for renames the new path."""
    old_path: str | None = None
    kind: str | None = None
    item_id: str | None = None
    local: bool = False
    """Also changed in the fork since the fork point (committed or not): a possible conflict."""


@dataclass
class Report:
    ref: str
    base: str
    upstream_commits: int
    local_commits: int
    groups: dict[str, list[Change]] = field(default_factory=dict)
    """Group title (module id and title, Methoden, …) -> changes, in display order."""
    module_ids: list[str] = field(default_factory=list)
    """Ids of the modules with upstream changes."""

    @property
    def conflicts(self) -> list[Change]:
        return [c for changes in self.groups.values() for c in changes if c.local]


def git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8",
            errors="replace",
        )
    except FileNotFoundError:
        raise DriftError("Git ist nicht installiert (Befehl `git` nicht gefunden).") from None
    if result.returncode != 0:
        raise DriftError(result.stderr.strip() or f"git {' '.join(args)} ist gescheitert.")
    return result.stdout


def _exists(root: Path, ref: str) -> bool:
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        return True
    except DriftError:
        return False


def _name_status(root: Path, *args: str) -> list[tuple[str, str, str | None]]:
    """(status letter, path, old path) of ``git diff --name-status -z``."""
    parts = git(root, "diff", "--name-status", "-z", "-M", *args).split("\0")
    out, i = [], 0
    while i < len(parts) - 1:
        status = parts[i][0]
        if status in "RC":
            out.append((status, parts[i + 2], parts[i + 1]))
            i += 3
        else:
            out.append((status, parts[i + 1], None))
            i += 2
    return out


def _classify(
    course: Course, docs: str, root: Path, ref: str, change: Change
) -> tuple[str, Any]:
    """Group key of a change: ('module', id), ('methods', None), ('pages', None) or
    ('tech', None); sets ``kind`` and ``item_id`` of the change."""
    if not change.path.startswith(docs + "/"):
        return "tech", None
    rel = change.path[len(docs) + 1:]
    doc = course.doc_at(rel)
    if doc is not None:
        meta = doc.meta
    elif change.status != "D" and rel.endswith(".md"):  # new upstream: front matter at REF
        meta = parse_document(git(root, "show", f"{ref}:{change.path}"), rel)[0].meta
    else:
        meta = {}
    kind = meta.get("kind") if isinstance(meta.get("kind"), str) else None
    change.kind = kind
    change.item_id = meta.get("id") if isinstance(meta.get("id"), str) else None
    item = doc.item if doc is not None else None
    if isinstance(item, Module) or kind == "module":
        return "module", change.item_id
    if isinstance(item, (Unit, Worksheet)):
        return "module", item.module
    if kind in ("unit", "worksheet") and isinstance(meta.get("module"), str):
        return "module", meta["module"]
    if isinstance(item, Method) or kind == "method":
        return "methods", None
    folder = PurePosixPath(rel).parent  # e.g. a worksheet that does not parse: its module folder
    for module_id in course.modules:
        home = PurePosixPath(course.doc_of(module_id).path).parent
        if folder == home or home in folder.parents:
            return "module", module_id
    return "pages", None


def drift(config: str | Path = "mkdocs.yml", ref: str | None = None) -> Report:
    """Compare the fork (HEAD and working tree) with REF since their merge base."""
    config = Path(config)
    if not config.is_file():
        raise DriftError(f"Die Konfiguration {config} gibt es nicht (Option --config).")
    try:
        root = Path(git(config.parent.resolve(), "rev-parse", "--show-toplevel").strip())
    except DriftError as exc:
        if "Git ist nicht installiert" in str(exc):
            raise
        raise DriftError(
            f"{config.parent.resolve()} ist kein Git-Repository. Der Vergleich braucht einen "
            "mit git clone angelegten Fork des Kurses."
        ) from None
    if ref is None:
        ref = next((r for r in DEFAULT_REFS if _exists(root, r)), None)
        if ref is None:
            raise DriftError(
                "Es gibt weder upstream/main noch origin/main. Richte das Original als Remote ein "
                "und hole seinen Stand: git remote add upstream <Adresse des Originals> && "
                "git fetch upstream"
            )
    elif not _exists(root, ref):
        raise DriftError(
            f"Die Git-Referenz „{ref}“ gibt es nicht. Hole den Stand des Originals mit "
            "git fetch upstream oder nenne einen Zweig wie upstream/main."
        )
    try:
        base = git(root, "merge-base", "HEAD", ref).strip()
    except DriftError:
        raise DriftError(f"Der Fork und „{ref}“ haben keinen gemeinsamen Stand (git merge-base).") from None
    course = load_project(config)
    docs = course.docs_dir.resolve().relative_to(root).as_posix()
    local = set()
    for _, path, old in _name_status(root, base):
        local.update(p for p in (path, old) if p)
    report = Report(
        ref, base,
        int(git(root, "rev-list", "--count", f"{base}..{ref}")),
        int(git(root, "rev-list", "--count", f"{base}..HEAD")),
    )
    modules: dict[str, list[Change]] = {}
    other: dict[str, list[Change]] = {METHODS: [], PAGES: [], TECH: []}
    titles: dict[str, str] = {}
    for status, path, old in _name_status(root, base, ref):
        change = Change(status, path, old, local=path in local or old in local)
        group, module_id = _classify(course, docs, root, ref, change)
        if group == "module":
            modules.setdefault(module_id, []).append(change)
            if change.kind == "module" and module_id not in course.modules:
                titles[module_id] = str(_meta_title(root, ref, path) or module_id)
        else:
            other[{"methods": METHODS, "pages": PAGES, "tech": TECH}[group]].append(change)
    for module_id in sorted(modules):
        title = course.modules[module_id].title if module_id in course.modules else titles.get(module_id, "")
        label = title if title.startswith(module_id) else f"{module_id} {title}".strip()
        report.groups[f"Modul {label}"] = modules[module_id]
    report.module_ids = sorted(modules)
    report.groups.update({k: v for k, v in other.items() if v})
    return report


def _meta_title(root: Path, ref: str, path: str) -> str | None:
    try:
        return parse_document(git(root, "show", f"{ref}:{path}"), path)[0].meta.get("title")
    except DriftError:
        return None


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def format_report(report: Report) -> list[str]:
    out = [
        f"Vergleich mit {report.ref} (Stand des letzten git fetch), gemeinsamer Stand "
        f"{report.base[:10]}: {_n(report.upstream_commits, 'neuer Commit', 'neue Commits')} im "
        f"Original, {_n(report.local_commits, 'eigener Commit', 'eigene Commits')}.",
    ]
    if not report.groups:
        out.append("Im Original hat sich seit dem gemeinsamen Stand nichts geändert.")
        return out
    out += ["", "Im Original geändert:"]
    for title, changes in report.groups.items():
        out += ["", title]
        for c in changes:
            what = KIND_LABELS.get(c.kind or "", "Datei")
            name = f"{what} {c.item_id}" if c.item_id and c.kind != "module" else what
            moved = f" (vorher {c.old_path})" if c.old_path else ""
            flag = "  ! auch lokal geändert" if c.local else ""
            out.append(f"  {STATUS_LABELS.get(c.status, c.status):10} {name}: {c.path}{moved}{flag}")
    conflicts = report.conflicts
    out.append("")
    if conflicts:
        count = _n(len(conflicts), "Datei", "Dateien")
        out.append(f"Mögliche Konflikte (im Original und lokal geändert): {count}")
        out += [f"  {c.path}" for c in conflicts]
        out.append("Meldet git dort einen Konflikt, beide Fassungen von Hand zusammenführen, "
                   "dann git add und git commit.")
    else:
        out.append("Keine möglichen Konflikte: keine Datei wurde auf beiden Seiten geändert.")
    out += [
        "",
        "Übernehmen (nach git fetch, mit sauberem Arbeitsstand):",
        f"  git merge {report.ref}",
        "Danach: make check",
    ]
    return out


def run(args: Any) -> int:
    """``python -m coursekit drift [--upstream REF]``."""
    try:
        report = drift(args.config, args.upstream)
    except DriftError as exc:
        print(f"Vergleich nicht möglich: {exc}")
        return 2
    for line in format_report(report):
        print(line)
    return 0
