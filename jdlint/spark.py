"""jdlint on Apache Spark: lint a DataFrame of postings where it lives and get DataFrames back.

    from jdlint.spark import lint_dataframe
    out = lint_dataframe(spark.read.parquet("postings/"), text="description", id="req_id",
                         location="location", salary="salary", title="title")
    out.findings.write.parquet("findings/")

Each Python worker builds the spaCy pipeline once (kept between tasks) and lints its rows in
batches with mapInArrow, rows travelling as Arrow record batches. The Config is resolved on the
driver and shipped to the executors inside the task, so no executor reads a config file or depends
on the driver's working directory. A row that cannot be linted (no text, a value that is not text,
text over `max-file-size`, a record the reader could not parse, a byte that is not UTF-8 or a lone surrogate in a
field the linter reads, or anything else that goes wrong with that one row) becomes a row of `errors`, with the
local engine's message; one posting never fails the job. What Spark's own readers change before jdlint sees a
row cannot be told apart: its JSON reader turns a lone surrogate escape (\\ud800) into '?' and a number in the
text field into its digits, its CSV reader a byte that is not UTF-8 into U+FFFD, so such rows are linted where
`check --records` refuses them.

Findings carry the JSON contract's fields (schema_version 1) as columns, plus the posting's `id` and
`finding_index`, the finding's place in that posting's list (the CLI's order).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from . import audit
from .config import Config
from .formats import MarkupError, format_for
from .linter import Linter
from .model import FileResult, internal_error
from .printable import shown
from .records import Fields, bad_characters, json_line, to_document
from .report.audit_formats import AUDIT_FORMATS
from .report.json_report import finding_dict, metrics_dict
from .runner import CHUNK
from .source import LineIndex, SourceError, decode

SPAN = "struct<start:int,end:int,line:int,column:int,end_line:int,end_column:int>"
FIX = "struct<applicability:string,edits:array<struct<start:int,end:int,content:string>>>"
GENDER_CODING = "struct<masculine:array<string>,feminine:array<string>,verdict:string>"
PAY_LAWS = (
    "struct<date:string,jurisdictions:array<struct<code:string,name:string,place:string,evidence:string>>,"
    "laws:array<struct<jurisdiction:string,law:string,effective:string,in_force:boolean,pending:boolean,"
    "in_posting:boolean,citation:string,region:string>>>"
)
FINDING_COLUMNS = (
    ("id", "string"),
    ("finding_index", "int"),
    ("code", "string"),
    ("name", "string"),
    ("category", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("span", SPAN),
    ("text", "string"),
    ("suggestions", "array<string>"),
    ("fix", FIX),
    ("source", "string"),
)
METRIC_COLUMNS = (
    ("id", "string"),
    ("format", "string"),
    ("encoding", "string"),
    ("language", "string"),
    ("words", "int"),
    ("sentences", "int"),
    ("flesch_kincaid_grade", "double"),
    ("flesch_reading_ease", "double"),
    ("average_sentence_length", "double"),
    ("gender_coding", GENDER_CODING),
    ("pay_laws", PAY_LAWS),
)
ERROR_COLUMNS = (("id", "string"), ("error", "string"))
# mapInArrow yields one schema: each row is a finding, a posting's metrics or an error, told by `kind`.
_ROW_COLUMNS = (
    (("kind", "string"),)
    + FINDING_COLUMNS
    + tuple(column for column in METRIC_COLUMNS + ERROR_COLUMNS if column[0] not in dict(FINDING_COLUMNS))
)
_METADATA = ("title", "location", "salary", "language")
_TEXT, _ID, _FORMAT, _CORRUPT, _ROW = "_jdlint_text", "_jdlint_id", "_jdlint_format", "_jdlint_corrupt", "_jdlint_row"
_DEFAULT_NAMES = {_TEXT: "text", _ID: "id", _FORMAT: "format", **{key: key for key in _METADATA}}  # for messages


def _ddl(columns) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


@dataclass(frozen=True)
class SparkLint:
    """The three outputs of one lint pass over a DataFrame (the pass is persisted and shared).

    DataFrames are typed Any: pyspark is an optional dependency, not imported at module level."""

    findings: Any  # DataFrame with FINDING_COLUMNS
    metrics: Any  # DataFrame with METRIC_COLUMNS: one row per linted posting
    errors: Any  # DataFrame with ERROR_COLUMNS: one row per posting that could not be linted
    rows: Any  # the persisted pass itself

    def release(self) -> None:
        """Drop the persisted pass from executor memory and disk."""
        self.rows.unpersist()


def lint_dataframe(
    df,
    *,
    text: str = "text",
    id: str | None = None,
    title: str | None = None,
    location: str | None = None,
    salary: str | None = None,
    format: str | None = None,
    corrupt: str | None = None,
    language: str | None = None,
    json_input: bool = False,
    config: Config | None = None,
) -> SparkLint:
    """Lint every row of `df`; returns findings, per-posting metrics and per-row errors as DataFrames.

    `text` names the posting column (string, or binary decoded like a file's bytes); `id` a column that
    identifies the posting (without one, ids are generated row numbers); `title`, `location` and `salary`
    feed the pay-transparency rules; `language` names each posting's language; `format` holds text, markdown
    or html per row; `corrupt` names a reader's corrupt-record column (a row with a value there is an error).
    `json_input`: `df` comes from Spark's
    JSON reader, so a line it could not parse is told in the local engine's words, and a text field holding a
    JSON array or object (which that reader hands over as its JSON text) is no text, as locally. `config` defaults to
    jdlint's defaults: resolve a project's config on the driver (jdlint.config) and pass it here.
    """
    from pyspark.sql import functions as F

    config = config or Config()
    names = df.schema.fieldNames()
    for column in (text, id, title, location, salary, format, corrupt, language):
        if column is not None and column not in names:
            raise ValueError(f"no column '{column}' in the input (columns: {', '.join(names)})")
    text_column, type_problem = _text_column(df, text)
    # the user's name of each field the linter reads, for messages (records.bad_characters)
    columns = {_TEXT: text, _ID: id, _FORMAT: format, **dict(zip(_METADATA, (title, location, salary, language)))}
    if json_input:
        columns[_CORRUPT] = "json"  # (the one flag the executors need, shipped with the names)
    if id is None:
        df = df.withColumn(_ROW, F.monotonically_increasing_id())
        id = _ROW

    def optional(column):
        return F.col(column).cast("string") if column else F.lit(None).cast("string")

    inputs = df.select(
        text_column.alias(_TEXT),
        F.col(id).cast("string").alias(_ID),
        optional(format).alias(_FORMAT),
        optional(corrupt).alias(_CORRUPT),
        *(optional(column).alias(key) for key, column in zip(_METADATA, (title, location, salary, language))),
    )
    shipped = pickle.dumps(config)  # travels with the task: executors read no config file
    arrow_schema = _arrow_schema()  # built here: parsing a schema needs the driver's JVM

    def lint_batches(batches):
        return _lint_batches(batches, shipped, type_problem, arrow_schema, columns)

    from pyspark import StorageLevel

    rows = inputs.mapInArrow(lint_batches, _ddl(_ROW_COLUMNS)).persist(StorageLevel.MEMORY_AND_DISK)
    return SparkLint(
        findings=rows.filter(F.col("kind") == "finding").select(*(name for name, _ in FINDING_COLUMNS)),
        metrics=rows.filter(F.col("kind") == "metrics").select(*(name for name, _ in METRIC_COLUMNS)),
        errors=rows.filter(F.col("kind") == "error").select(*(name for name, _ in ERROR_COLUMNS)),
        rows=rows,
    )


def _text_column(df: Any, text: str) -> tuple[Any, str | None]:
    """(the text column, None) when it holds text or bytes; else (nulls, the problem every row reports)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    kind = df.schema[text].dataType
    if isinstance(kind, (T.StringType, T.BinaryType)):
        return F.col(text), None
    # numbers, lists or records: every row is reported, none is linted
    return F.lit(None).cast("string"), f"'{text}' holds {kind.simpleString()}, not text"


# ----------------------------------------------------------------------------- on the executors

_linters: dict[bytes, object] = {}  # per Python worker: one Linter (and spaCy pipeline) per config


def _linter(shipped: bytes):
    if shipped not in _linters:
        _linters[shipped] = Linter(pickle.loads(shipped))
    return _linters[shipped]


def _lint_batches(
    batches, shipped: bytes, type_problem: str | None, schema, columns: dict[str, str | None] | None = None
) -> Iterator:
    import pyarrow as pa

    linter = _linter(shipped)
    for batch in batches:  # Arrow batches hold up to 10,000 rows; parsed Documents are kept to CHUNK at a time
        records = _records(batch)
        for start in range(0, len(records), CHUNK):
            rows = _lint_rows(records[start : start + CHUNK], linter, type_problem, columns)
            yield pa.RecordBatch.from_pylist(rows, schema=schema)


def _records(batch) -> list[dict]:
    """The batch's rows as dicts. Spark's JSON and CSV readers (and Parquet writers) let bytes that are not UTF-8
    into string columns, and Arrow refuses to read such a value, failing the whole batch: strings are read as bytes
    here and decoded keeping those bytes as lone surrogates (as records.read does), so only their row fails."""
    import pyarrow as pa

    values: dict[str, list] = {}
    for name, column in zip(batch.schema.names, batch.columns):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            raw = column.cast(pa.large_binary() if pa.types.is_large_string(column.type) else pa.binary())
            values[name] = [None if v is None else v.decode("utf-8", "surrogateescape") for v in raw.to_pylist()]
        else:
            values[name] = column.to_pylist()
    return [dict(zip(values, row)) for row in zip(*values.values())]


def _lint_rows(
    records: list[dict], linter, type_problem: str | None, columns: dict[str, str | None] | None = None
) -> list[dict]:
    """Output rows for one batch of input records, in input order. `columns` names the input column of each
    field the linter reads, for the messages (default: text, id, format, title, location, salary)."""

    out: list[dict] = []
    documents, owners = [], []
    for record in records:
        posting_id = shown(record[_ID]) if isinstance(record[_ID], str) else record[_ID]  # Arrow writes UTF-8 only
        try:
            documents.append(_document(record, linter.config, type_problem, columns))
            owners.append(posting_id)
        except _RowError as exc:
            out.append({"kind": "error", "id": posting_id, "error": str(exc)})
    for posting_id, result in zip(owners, _lint_each(linter, documents)):
        if not isinstance(result, FileResult):
            out.append({"kind": "error", "id": posting_id, "error": result})
            continue
        # The JSON reporter's own dicts, so the columns are the contract's fields by construction;
        # keys outside the Arrow schema are left out when the batch is built.
        index = LineIndex(result.text)
        for number, finding in enumerate(result.findings):
            out.append({"kind": "finding", "id": posting_id, "finding_index": number, **finding_dict(finding, index)})
        out.append(
            {
                "kind": "metrics",
                "id": posting_id,
                "format": result.format,
                "encoding": result.encoding,
                "language": result.language,
                **metrics_dict(result.metrics),
            }
        )
    return out


def _lint_each(linter, documents) -> Iterator:
    """FileResults in order; when the batch fails, each posting again on its own, so only the
    posting at fault becomes an error (its message) and the others are still linted."""
    try:
        yield from list(linter.lint(documents, want_metrics=True))
        return
    except Exception:  # noqa: BLE001 - one bad posting must not fail the Spark task
        pass
    for document in documents:
        try:
            yield next(linter.lint([document], want_metrics=True))
        except Exception as exc:  # noqa: BLE001
            yield internal_error("linting", exc)  # the local engine's words (InputError.internal)


class _RowError(Exception):
    pass


def _document(record: dict, config: Config, type_problem: str | None, columns: dict[str, str | None] | None = None):
    try:
        return _parsed(record, config, type_problem, columns or {})
    except _RowError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in parsing one row must not fail the task
        raise _RowError(internal_error("parsing", exc)) from None


def _parsed(record: dict, config: Config, type_problem: str | None, columns: dict[str, str | None]):
    json_input = columns.get(_CORRUPT) == "json"
    if record[_CORRUPT] is not None:
        raise _RowError(_corrupt(record[_CORRUPT], json_input))
    if type_problem:
        raise _RowError(type_problem)
    value = record[_TEXT]
    if value is None:
        raise _RowError("no text (the text column is empty)")
    named = {columns.get(key) or _DEFAULT_NAMES[key]: record[key] for key in _DEFAULT_NAMES}
    if json_input and isinstance(value, str) and value.startswith(("[", "{")) and _json_container(value):
        raise _RowError(f"no text in field '{columns.get(_TEXT) or _DEFAULT_NAMES[_TEXT]}'")  # records.read's words
    problem = bad_characters(named, named)
    if problem:
        raise _RowError(problem)
    size = len(value) if isinstance(value, bytes) else len(value.encode("utf-8", "surrogatepass"))
    if size > config.max_file_size:
        raise _RowError(f"text is {size:,} bytes, over the {config.max_file_size:,}-byte limit (max-file-size)")
    name = str(record[_ID])
    try:
        if isinstance(value, bytes):  # bytes as stored: decoded like a file (BOM, UTF-16, detection)
            decoded = decode(value, name, format_for(name))
            value = decoded.text
        return to_document(name, value, record[_FORMAT], {key: record[key] for key in _METADATA}, config.lint_timeout)
    except (SourceError, MarkupError) as exc:
        raise _RowError(str(exc)) from None


EXCERPT = 60  # characters of an unparsed record quoted in its error, to find it by (it has no id)


def _json_container(value: str) -> bool:
    """Whether a string is the JSON text of an array or object (how Spark's JSON reader hands over such a value
    in a column read as text)."""
    return isinstance(json_line(value), (list, dict))


def _corrupt(raw: str, json_lines: bool) -> str:
    """Why the reader could not parse a record, in the local engine's words when it is a JSON Lines line, and
    the record's start."""
    problem = json_line(raw) if json_lines else None
    if not isinstance(problem, str):
        problem = "the reader could not parse this record"
    excerpt = " ".join(shown(raw).split())
    return f"{problem}: {excerpt[:EXCERPT]}{'…' * (len(excerpt) > EXCERPT)}"


def _arrow_schema():
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType

    schema = StructType.fromDDL(_ddl(_ROW_COLUMNS))
    assert isinstance(schema, StructType)  # a row of columns, so fromDDL gives a struct
    return to_arrow_schema(schema)


# ----------------------------------------------------------------------------- audits


def audit_figures(linted: SparkLint) -> dict:
    """The audit document (jdlint.audit) of a lint pass, counted by Spark: only counts reach the driver."""
    from pyspark.sql import functions as F

    findings, metrics = linted.findings, linted.metrics
    total = metrics.count()
    missing = {}
    for key, codes in audit.MISSING.items():
        missing[key] = findings.filter(F.col("code").isin(*codes)).select("id").distinct().count()
    by_category = _counts(findings.groupBy("category"))
    by_code = _counts(findings.groupBy(F.concat_ws(" ", "code", "name")))
    term = F.udf(lambda text: audit.flagged_term(text), "string")  # (a lambda: no hints for Spark to misread)
    with_terms = findings.filter(F.col("span").isNotNull() & (F.col("category") != "readability"))
    terms = _counts(with_terms.groupBy(term("text")))
    verdicts = _counts(metrics.groupBy(F.coalesce(F.col("gender_coding.verdict"), F.lit("empty"))))
    grade = F.col("flesch_kincaid_grade")
    binned = None
    for low, high, label in audit.GRADE_BINS:
        condition = F.lit(True)
        if low is not None:
            condition = condition & (grade >= low)
        if high is not None:
            condition = condition & (grade < high)
        binned = F.when(condition, label) if binned is None else binned.when(condition, label)
    grades = _counts(metrics.filter(grade.isNotNull()).groupBy(binned))
    errors = linted.errors
    failed = [  # the first rows by id, as the local engine lists its failed inputs by path
        {"path": str(row["id"]), "message": str(row["error"])}
        for row in errors.orderBy("id").limit(audit.FAILED_LISTED).collect()
    ]
    languages = _counts(metrics.groupBy("language"))
    return audit.figures(
        total, missing, by_category, by_code, terms, verdicts, grades, errors.count(), failed, languages
    )


def _counts(grouped) -> dict:
    return {row[0]: row[1] for row in grouped.count().collect()}


# ----------------------------------------------------------------------------- the audit engine

INPUT_FORMATS = {
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "json",
    ".ndjson": "json",
    ".json": "json",
    ".csv": "csv",
}
CORRUPT_COLUMN = "_corrupt_record"


def session(master: str = "local[*]", app_name: str = "jdlint audit"):
    """A SparkSession; in local mode the Python workers use this interpreter (and its installed jdlint)."""
    import sys

    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # Without this, local workers start `python3` from PATH, which may lack jdlint and its dependencies.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )


PARTITIONS_PER_CORE = 4


def spread(frame):
    """The frame in enough partitions to keep every core busy: a single JSON Lines or CSV file is read as
    one partition, which one core would lint alone. Several per core, so one slow batch does not idle the rest."""
    wanted = frame.sparkSession.sparkContext.defaultParallelism * PARTITIONS_PER_CORE
    return frame.repartition(wanted) if frame.rdd.getNumPartitions() < wanted else frame


def input_format(path: str) -> str:
    """parquet, json or csv, from the path's suffix or, for a folder, its files' suffixes."""
    kind = INPUT_FORMATS.get(_suffix(path) or "")
    if kind is None:
        raise ValueError(f"{path}: cannot tell the input format; use a .parquet, .jsonl or .csv path")
    return kind


def _suffix(path: str) -> str | None:
    """The input's suffix (.parquet, .jsonl, .json, ...): the path's own, or for a folder its first file's."""
    suffix = os.path.splitext(path.rstrip("/"))[1].lower()
    if suffix not in INPUT_FORMATS and os.path.isdir(path):
        suffixes = [
            os.path.splitext(name)[1].lower() for name in sorted(os.listdir(path)) if not name.startswith((".", "_"))
        ]
        return next((s for s in suffixes if s in INPUT_FORMATS), None)
    return suffix


def read_input(spark, path: str, kind: str):
    """(DataFrame, corrupt-record column or None) for a Parquet, JSON Lines, JSON or CSV input (file or folder).
    JSON and CSV are read with every column as text and malformed records kept as rows, not dropped."""
    from pyspark.sql import types as T

    if kind == "parquet":
        return spark.read.parquet(path), None
    reader = spark.read.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT_COLUMN)
    if kind == "json":
        if _suffix(path) == ".json":  # a JSON document (a list of records, as `check --records` reads it), not lines
            reader = reader.option("multiLine", "true")
        inferred = reader.option("primitivesAsString", "true").json(path).schema
    else:
        reader = reader.option("header", "true").option("multiLine", "true").option("escape", '"')
        inferred = reader.csv(path).schema
    # every column as text (ids stay "007", not 7), plus the column that holds what could not be parsed
    schema = T.StructType(
        [T.StructField(f.name, T.StringType()) for f in inferred.fields if f.name != CORRUPT_COLUMN]
        + [T.StructField(CORRUPT_COLUMN, T.StringType())]
    )
    frame = reader.schema(schema).json(path) if kind == "json" else reader.schema(schema).csv(path)
    return frame, CORRUPT_COLUMN


class SparkEngineError(Exception):
    """The spark engine could not finish; the message is one line, for the user."""


@dataclass(frozen=True)
class SparkAudit:
    figures: dict[str, Any]  # the audit document (jdlint.audit), as written to audit.json
    errors: int  # postings that could not be linted: the rows of errors.parquet
    notes: tuple[str, ...] = ()  # what the user should know about the run (postings numbered, ...)


OUTPUTS = ("findings", "metrics", "errors")  # each written to <name>.parquet


def audit_to_folder(
    input_path: str,
    output_dir: str,
    *,
    config: Config | None = None,
    master: str = "local[*]",
    fields: Fields = Fields(),
    notify: Callable[[str], None] | None = None,
) -> SparkAudit:
    """Lint `input_path` (Parquet, JSON Lines, JSON or CSV) on Spark and write findings, metrics and errors (Parquet)
    and the audit in every audit format (audit.json, audit.html) to `output_dir`.

    `notify` gets each note as soon as it is known (the notes are in the result too). Raises SparkEngineError,
    with a one-line message, when pyspark is missing, Spark cannot start, the input cannot be read or an output
    cannot be written. A session already running is used and left running.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkEngineError(
            f"the spark engine needs pyspark and pyarrow ({exc}): pip install 'jdlint[spark]'"
        ) from exc
    try:
        kind = input_format(input_path)
    except ValueError as exc:
        raise SparkEngineError(str(exc)) from exc
    ours = SparkSession.getActiveSession() is None  # a session the caller runs is theirs to stop
    try:
        spark = session(master)
    except Exception as exc:  # noqa: BLE001 - Java missing, bad master URL: one line, no traceback
        raise SparkEngineError(f"cannot start Spark ({_first_line(exc)})") from exc
    try:
        done = _lint_to_folder(spark, input_path, kind, output_dir, fields, config, notify)
    except ValueError as exc:
        raise SparkEngineError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - Spark's own errors (unreadable input, ...): one line
        raise SparkEngineError(f"{input_path}: {_first_line(exc)}") from exc
    finally:
        if ours:
            spark.stop()
    for audit_format in AUDIT_FORMATS.values():
        path = os.path.join(output_dir, f"audit.{audit_format.name}")
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(audit_format.render(done.figures))
        except OSError as exc:
            raise SparkEngineError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return done


def _lint_to_folder(
    spark,
    input_path: str,
    kind: str,
    output_dir: str,
    fields: Fields,
    config: Config | None,
    notify: Callable[[str], None] | None,
) -> SparkAudit:
    frame, corrupt = read_input(spark, input_path, kind)
    id_column: str | None = fields.id
    notes: tuple[str, ...] = ()
    if id_column not in frame.columns:
        notes += (f"{input_path}: no '{id_column}' column; postings are numbered instead",)
        id_column = None
    for note in notes:
        if notify is not None:
            notify(note)
    linted = lint_dataframe(
        spread(frame),
        text=fields.text,
        id=id_column,
        title=fields.title,
        location=fields.location,
        salary=fields.salary,
        format=fields.format,
        corrupt=corrupt,
        language=fields.language,
        json_input=kind == "json",
        config=config,
    )
    os.makedirs(output_dir, exist_ok=True)
    for name in OUTPUTS:
        getattr(linted, name).write.mode("overwrite").parquet(os.path.join(output_dir, f"{name}.parquet"))
    figures = audit_figures(linted)
    linted.release()
    return SparkAudit(figures, figures["failed"]["postings"], notes)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
