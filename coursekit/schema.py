"""JSON Schema of every content kind, exported from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from .model import KINDS, CourseConfig, PageImages

__all__ = ["schemas", "write_schemas"]


def schemas() -> dict[str, dict]:
    out = {kind: model.model_json_schema() for kind, model in KINDS.items()}
    images = PageImages.model_json_schema()  # `images:` is allowed on every page
    for kind in KINDS:
        out[kind]["properties"]["images"] = images["properties"]["images"]
        out[kind].setdefault("$defs", {}).update(images["$defs"])
    out["course-config"] = CourseConfig.model_json_schema()
    for kind, schema in out.items():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in schemas().items():
        path = out_dir / f"{kind}.schema.json"
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
