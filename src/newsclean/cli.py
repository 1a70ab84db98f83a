"""The ``newsclean`` command.

``newsclean clean PATH...`` cleans files, folders (recursively) and ``-``
(standard input) and writes JSON Lines to standard output; ``newsclean learn``
learns a site profile; ``newsclean stages`` lists the stages. Diagnostics go to
standard error; the exit status is 0 when every input was cleaned, 1 when any
failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsclean import __version__
from newsclean.batch import Capture, Failure, available_cores
from newsclean.errors import NewscleanError
from newsclean.options import CleanOptions
from newsclean.sources import JSONL_SUFFIXES, TEXT_SUFFIXES, Notice, iter_inputs, parse_time
from newsclean.warc import WARC_SUFFIXES

__all__ = ["main"]


class UsageError(Exception):
    """A command-line mistake (exit status 2)."""


def _err(message: str) -> None:
    # File names may hold undecodable bytes (as surrogates); show them escaped, never fail on them.
    message = message.encode("utf-8", "backslashreplace").decode("utf-8")
    print(f"newsclean: {message}", file=sys.stderr)


def _load_keywords(path: str | None) -> list[str]:
    if not path:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read spam keyword file: {exc}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _text_output(article: Any) -> str:
    title = article["title"] if isinstance(article, dict) else article.title
    paragraphs = article["paragraphs"] if isinstance(article, dict) else article.paragraphs
    return "\n\n".join([title, *paragraphs] if title else paragraphs)


@dataclass
class _Tally:
    """Counts of a run, and the notices to print."""

    quiet: bool = False
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0

    def notice(self, notice: Notice) -> None:
        if notice.kind == "failed":
            self.failed += notice.count
            _err(f"{notice.name}: {notice.reason}")
        elif notice.kind == "skipped":
            self.skipped += notice.count
            if not self.quiet:
                count = f"{notice.count} " if notice.count > 1 else ""
                _err(f"{notice.name}: skipped {count}{notice.reason}")
        elif not self.quiet:
            _err(f"{notice.name}: {notice.reason}")

    def summary(self) -> str:
        return f"{self.cleaned} cleaned, {self.failed} failed, {self.skipped} skipped"


def _captures(
    paths: Sequence[str], jsonl: bool | None, tally: _Tally, names: deque[Capture]
) -> Iterator[Capture]:
    """Yield the captures to clean; count and report the rest; remember each capture in order."""
    for item in iter_inputs(paths, jsonl_stdin=jsonl):
        if isinstance(item, Notice):
            tally.notice(item)
        else:
            names.append(item)
            yield item


def _open_output(target: str | None) -> IO[bytes]:
    if target in (None, "-"):
        return sys.stdout.buffer
    try:
        return open(target, "wb")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def _encode(text: str, name: str) -> bytes:
    """Encode one output record; characters UTF-8 cannot hold are replaced and reported."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # Text is repaired at load time; what is left are names (file names with undecodable bytes).
        _err(f"{name}: output held characters UTF-8 cannot encode; replaced with U+FFFD")
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text).encode("utf-8")


def _record_line(capture: Capture, article_json: str) -> str:
    head = {"source": capture.name}
    if capture.url:
        head["url"] = capture.url
    if capture.captured_at:
        head["captured_at"] = capture.captured_at.isoformat()
    prefix = json.dumps(head, ensure_ascii=False)[:-1]
    return prefix + (", " + article_json[1:] if article_json != "{}" else "}")


def _progress(quiet: bool) -> Any:
    """Return a tqdm progress bar on standard error when it is a terminal, else None."""
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is a dependency; a broken install only loses the bar
        return None
    # No monitor thread: worker processes are forked after the bar exists, and forking
    # a process that runs extra threads risks deadlocks in the children.
    tqdm.monitor_interval = 0
    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, leave=False)


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, not {value!r}")
    return n


def _clean_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options of :func:`newsclean.clean` that the flags set, checked; UsageError otherwise."""
    keywords = _load_keywords(args.spam_keywords)
    profile = None
    if args.profile:
        from newsclean.profile import SiteProfile

        try:
            profile = SiteProfile.load(args.profile)
        except (OSError, ValueError, NewscleanError) as exc:
            raise UsageError(f"cannot load profile {args.profile}: {exc}") from None
    try:
        captured = parse_time(args.captured_at, "--captured-at")
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise UsageError(f"--encoding: unknown charset {args.encoding!r}") from None
    options = {
        "kind": args.kind,
        "encoding": args.encoding,
        "spam_keywords": keywords,
        "profile": profile,
        "language": args.language,
        "captured_at": captured,
        "repair_tortured": args.repair_tortured,
        "max_chars": args.max_chars,
    }
    try:
        CleanOptions.build(**options)
    except NewscleanError as exc:
        raise UsageError(str(exc)) from None
    return options


#: Options of :class:`~newsclean.options.CleanOptions` that have no flag, and why.
#: Every other option has a flag named after it (a test checks both lists).
OPTIONS_WITHOUT_FLAG = {"url": "set per capture, from a JSON Lines record's 'url' or a WARC record's target"}


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"takes a positive integer, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"takes a positive integer, not {value!r}")
    return n


def _load_pipeline(path: str | None) -> Any:
    from newsclean.pipeline import Pipeline

    if not path:
        return None
    try:
        return Pipeline.from_config(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, NewscleanError) as exc:
        raise UsageError(f"cannot build pipeline from {path}: {exc}") from None


def _cmd_clean(args: argparse.Namespace) -> int:
    from newsclean.batch import clean_batch

    options = _clean_options(args)
    pipeline = _load_pipeline(args.pipeline)
    out = _open_output(args.output)
    tally = _Tally(quiet=args.quiet)
    pending: deque[Capture] = deque()
    if args.explain:
        returns, keys = "article", None
    elif args.format == "text":
        returns, keys = "dict", ["title", "paragraphs"]
    else:
        returns, keys = "json", None
    results = clean_batch(
        _captures(args.paths, args.jsonl, tally, pending),
        pipeline=pipeline,
        workers=args.jobs,
        returns=returns,  # type: ignore[arg-type]
        keys=keys,
        keep_raw=False,
        options=options,
    )
    bar = _progress(args.quiet)
    first = True
    try:
        if args.format == "json":
            out.write(b"[")
        for result in results:
            capture = pending.popleft()
            name = capture.name or "<input>"
            if bar is not None:
                bar.update()
            if isinstance(result, Failure):
                tally.notice(Notice(name, "failed", str(result.error)))
                continue
            tally.cleaned += 1
            if args.explain:
                print(f"== {name}\n{result.explain()}", file=sys.stderr)
            if args.format == "text":
                chunk = ("" if first else "\n\f\n") + _text_output(result) + "\n"
            else:
                article_json = result.to_json() if args.explain else result
                line = _record_line(capture, article_json)
                chunk = ("\n" if first else ",\n") + line if args.format == "json" else line + "\n"
            out.write(_encode(chunk, name))
            first = False
        if args.format == "json":
            out.write(b"\n]\n" if not first else b"]\n")
        out.flush()
    finally:
        results.close()  # stops the worker processes when the run ends early
        if bar is not None:
            bar.close()
        if out is not sys.stdout.buffer:
            out.close()
    if not tally.cleaned and not tally.failed:
        _err(f"no input files found ({tally.summary()})")
        return 1
    if not args.quiet:
        _err(tally.summary())
    return 1 if tally.failed else 0


def _cmd_learn(args: argparse.Namespace) -> int:
    from newsclean.inputs import decode_bytes
    from newsclean.learning import learn_profile

    captures: list[str] = []
    tally = _Tally()
    for item in iter_inputs(args.paths, jsonl_stdin=args.jsonl):
        if isinstance(item, Notice):
            tally.notice(item)
            continue
        raw = item.raw
        if isinstance(raw, bytes):
            try:
                raw = decode_bytes(raw, encoding=item.encoding)[0]
            except NewscleanError as exc:
                tally.notice(Notice(item.name or "<input>", "failed", str(exc)))
                continue
        captures.append(raw)
    if not captures:
        raise UsageError("no captures to learn from")
    profile = learn_profile(captures)
    if args.output in (None, "-"):
        sys.stdout.write(profile.to_json() + "\n")
    else:
        profile.save(args.output)
        _err(f"learned a profile from {len(captures)} captures: {args.output}")
    return 1 if tally.failed else 0


def _cmd_stages(args: argparse.Namespace) -> int:
    from newsclean import registry
    from newsclean.defaults import DEFAULT_STAGES

    default = {name for name, _ in DEFAULT_STAGES}
    print("default pipeline, in order:")
    for name, why in DEFAULT_STAGES:
        print(f"  {name:<22} {why}")
    others = [n for n in registry.names() if n not in default]
    if others:
        print("other registered stages:")
        for name in others:
            print(f"  {name}")
    return 0


def _add_jsonl_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--jsonl",
        dest="jsonl",
        action="store_true",
        default=None,
        help="read standard input as JSON Lines records (detected by default)",
    )
    group.add_argument(
        "--no-jsonl", dest="jsonl", action="store_false", help="read standard input as one capture"
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``newsclean`` command."""
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean noisy scraped news captures (text or HTML) into articles, logging every change.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser(
        "clean",
        help="clean files, folders or stdin",
        description="Clean captures and write one JSON object per article (JSON Lines) to stdout. "
        f"Folders are read recursively ({', '.join((*TEXT_SUFFIXES, *JSONL_SUFFIXES, *WARC_SUFFIXES))}, "
        "optionally .gz); a .jsonl input holds one record per line with a 'text' or 'html' field "
        "(and optional 'id', 'url', 'captured_at'); a WARC/ARC archive gives one article per HTML or "
        "text response record. Other files are reported as skipped.",
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for standard input")
    c.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    c.add_argument("-f", "--format", choices=("jsonl", "json", "text"), default="jsonl", help="output format")
    c.add_argument("--explain", action="store_true", help="print every edit of every article to stderr")
    c.add_argument(
        "--kind", choices=("auto", "text", "html"), default="auto", help="input kind (sniffed by default)"
    )
    c.add_argument("--encoding", help="charset of the input bytes (detected by default)")
    c.add_argument("--language", help="language code of the inputs (detected by default)")
    c.add_argument("--captured-at", metavar="ISO", help="capture time, anchors relative dates")
    c.add_argument("--spam-keywords", metavar="FILE", help="file of known spam phrases, one per line")
    c.add_argument("--profile", metavar="FILE", help="site profile made by 'newsclean learn'")
    c.add_argument("--pipeline", metavar="FILE", help="pipeline config JSON (Pipeline.to_config())")
    c.add_argument(
        "--repair-tortured",
        action="store_true",
        help="replace tortured phrases instead of only reporting them",
    )
    c.add_argument(
        "--max-chars", type=_positive_int, metavar="N", help="refuse longer inputs (default 50 million)"
    )
    _add_jsonl_flags(c)
    c.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help=f"worker processes (default: all {available_cores()} cores)",
    )
    c.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, skip notices or summary; errors only"
    )
    c.set_defaults(func=_cmd_clean)

    learn = sub.add_parser(
        "learn",
        help="learn a site profile from many captures of one site",
        description="Learn the template lines and injected phrases that recur across captures of one site.",
    )
    learn.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of one site's captures")
    learn.add_argument("-o", "--output", metavar="OUT", help="profile JSON file (default: stdout)")
    _add_jsonl_flags(learn)
    learn.set_defaults(func=_cmd_learn)

    st = sub.add_parser("stages", help="list the stages of the default pipeline and the registry")
    st.set_defaults(func=_cmd_stages)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = args.func(args)
        return status
    except UsageError as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, like Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
