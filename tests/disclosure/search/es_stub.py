"""A stand-in Elasticsearch 7 server for tests: no Elasticsearch can run on this machine.

A real HTTP server on 127.0.0.1 (random port) that the real ``elasticsearch`` client and haystack
talk to. It speaks the part of the REST API they use (``GET /`` with the product header, index
create/delete, mappings, ``_bulk``, ``_refresh``, ``_search``, ``_count``), records every request,
keeps documents in memory, and answers searches by evaluating the query DSL over them: ``bool``
(must/filter/should/must_not, minimum_should_match), ``term``, ``terms``, ``constant_score``,
``dis_max``, ``match_phrase`` (whitespace-analysed fields), ``match_all``/``match_none``, sort by ``_score`` and fields, ``from``/``size``, ``terms``
aggregations. Text fields are analysed as their mapping says, with analyzers it can run (custom
whitespace/standard tokenizer + lowercase); an analyzer it does not know is refused like a server
without the plugin would. Anything else gets a 400, so a test fails if the engine emits more.
"""

import json
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

BUILTIN_ANALYZERS = {"standard": ("standard", ["lowercase"]), "whitespace": ("whitespace", []),
                     "keyword": ("keyword", [])}
DEFAULT_RESULT_WINDOW = 10000


class StubError(Exception):
    def __init__(self, status, kind, reason):
        super().__init__(reason)
        self.status, self.kind, self.reason = status, kind, reason

    def body(self):
        return {"error": {"root_cause": [{"type": self.kind, "reason": self.reason}], "type": self.kind,
                          "reason": self.reason}, "status": self.status}


def unsupported(what):
    return StubError(400, "parsing_exception", f"the stub does not support {what}")


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object


class Index:
    def __init__(self, name, settings=None):
        self.name = name
        self.settings = settings or {}
        self.properties = {}
        self.docs = {}  # _id -> (source, {field: set of indexed terms})

    def analysis(self):
        return self.settings.get("analysis", {})

    def result_window(self):
        return int(self.settings.get("index", {}).get("max_result_window", DEFAULT_RESULT_WINDOW))

    def check_analyzer(self, name):
        if name not in BUILTIN_ANALYZERS and name not in self.analysis().get("analyzer", {}):
            raise StubError(400, "mapper_parsing_exception", f"analyzer [{name}] has not been configured in mappings")

    def put_mapping(self, properties):
        for field, spec in properties.items():
            kind = spec.get("type", "object")
            if kind not in ("text", "keyword", "date", "long", "boolean", "float"):
                raise unsupported(f"field type {kind}")
            if kind == "text":
                self.check_analyzer(spec.get("analyzer", "standard"))
                self.check_analyzer(spec.get("search_analyzer", spec.get("analyzer", "standard")))
            old = self.properties.get(field)
            if old is not None and (old.get("type"), old.get("analyzer")) != (kind, spec.get("analyzer")):
                raise StubError(400, "illegal_argument_exception",
                                f"Mapper for [{field}] conflicts with existing mapper")
            self.properties[field] = spec

    def analyze(self, analyzer, text):
        definition = self.analysis().get("analyzer", {}).get(analyzer)
        tokenizer, filters = (definition["tokenizer"], definition.get("filter", [])) if definition \
            else BUILTIN_ANALYZERS[analyzer]
        if tokenizer == "whitespace":
            tokens = text.split()
        elif tokenizer == "standard":  # enough of it: each CJK character, runs of letters and digits
            tokens = re.findall(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+", text)
        elif tokenizer == "keyword":
            tokens = [text]
        else:
            raise unsupported(f"tokenizer {tokenizer}")
        for name in filters:
            if name != "lowercase":
                raise unsupported(f"token filter {name}")
            tokens = [token.lower() for token in tokens]
        return tokens

    def terms_of(self, field, value):
        """What a field's value puts in the inverted index (dynamic fields: text with the standard analyzer)."""
        spec = self.properties.get(field, {"type": "text"})
        values = value if isinstance(value, list) else [value]
        if spec["type"] == "text":
            analyzer = spec.get("analyzer", "standard")
            return {token for item in values if item is not None for token in self.analyze(analyzer, str(item))}
        return {str(item) for item in values if item is not None}

    def sequence_of(self, field, value):
        """A text field's tokens in order (positions), for ``match_phrase``."""
        spec = self.properties.get(field, {"type": "text"})
        if spec["type"] != "text" or not isinstance(value, str):
            return None
        return self.analyze(spec.get("analyzer", "standard"), value)

    def store(self, doc_id, source):
        terms = {field: self.terms_of(field, value) for field, value in source.items()}
        for field, value in source.items():
            sequence = self.sequence_of(field, value)
            if sequence is not None:
                terms[(field, "positions")] = sequence
        self.docs[doc_id] = (source, terms)


def as_list(value):
    return [] if value is None else value if isinstance(value, list) else [value]


def single(spec, what):
    items = [(key, value) for key, value in spec.items() if key != "boost"]
    if len(items) != 1:
        raise unsupported(f"{what} over {len(items)} fields")
    return items[0]


def evaluate(query, terms):
    """(matches, score) of one query over one document's indexed terms."""
    if len(query) != 1:
        raise unsupported(f"query object {sorted(query)}")
    kind, spec = next(iter(query.items()))
    boost = float(spec.get("boost", 1.0)) if isinstance(spec, dict) else 1.0
    if kind == "match_all":
        return True, boost
    if kind == "match_none":
        return False, 0.0
    if kind == "term":
        field, value = single(spec, "term")
        if isinstance(value, dict):
            boost, value = float(value.get("boost", 1.0)), value["value"]
        return str(value) in terms.get(field, ()), boost
    if kind == "terms":
        field, values = single(spec, "terms")
        return any(str(value) in terms.get(field, ()) for value in values), boost
    if kind == "match_phrase":
        field, value = single(spec, "match_phrase")
        wanted = str(value).lower().split()
        sequence = terms.get((field, "positions"), [])
        found = any(sequence[i:i + len(wanted)] == wanted for i in range(len(sequence) - len(wanted) + 1))
        return bool(wanted) and found, boost
    if kind == "constant_score":
        return evaluate(spec["filter"], terms)[0], boost
    if kind == "dis_max":
        scores = [score for ok, score in (evaluate(q, terms) for q in spec["queries"]) if ok]
        if not scores:
            return False, 0.0
        best = max(scores)
        return True, (best + float(spec.get("tie_breaker", 0.0)) * (sum(scores) - best)) * boost
    if kind == "bool":
        unknown = set(spec) - {"must", "filter", "should", "must_not", "minimum_should_match", "boost"}
        if unknown:
            raise unsupported(f"bool keys {sorted(unknown)}")
        score = 0.0
        for clause in as_list(spec.get("must")):
            ok, clause_score = evaluate(clause, terms)
            if not ok:
                return False, 0.0
            score += clause_score
        if not all(evaluate(clause, terms)[0] for clause in as_list(spec.get("filter"))):
            return False, 0.0
        if any(evaluate(clause, terms)[0] for clause in as_list(spec.get("must_not"))):
            return False, 0.0
        should = as_list(spec.get("should"))
        default = 1 if should and not spec.get("must") and not spec.get("filter") else 0
        needed = int(spec.get("minimum_should_match", default))
        matched = 0
        for clause in should:
            ok, clause_score = evaluate(clause, terms)
            if ok:
                matched += 1
                score += clause_score
        if matched < needed:
            return False, 0.0
        return True, score * boost
    raise unsupported(f"query [{kind}]")


def sort_value(index, source, field):
    value = source.get(field)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is not None and index.properties.get(field, {}).get("type") == "date":
        value = datetime.fromisoformat(value)
    return value


class StubElasticsearch:
    def __init__(self):
        self.indices = {}
        self.requests = []
        self.lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                status, payload = stub.dispatch(self.command, self.path, raw)
                data = b"" if self.command == "HEAD" else json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=UTF-8")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def requests_to(self, method, suffix):
        return [request for request in self.requests if request.method == method and request.path.endswith(suffix)]

    def documents(self, index_name):
        return {doc_id: source for doc_id, (source, _terms) in self.indices[index_name].docs.items()}

    # Routing

    def dispatch(self, method, target, raw):
        parts = urlsplit(target)
        path = parts.path
        params = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        if path.endswith("/_bulk"):
            body = [json.loads(line) for line in raw.splitlines() if line.strip()]
        else:
            body = json.loads(raw) if raw.strip() else None
        with self.lock:
            self.requests.append(Request(method, path, params, body))
            try:
                return self.route(method, [part for part in path.split("/") if part], params, body)
            except StubError as error:
                return error.status, error.body()

    def index(self, name):
        if name not in self.indices:
            raise StubError(404, "index_not_found_exception", f"no such index [{name}]")
        return self.indices[name]

    def route(self, method, parts, params, body):
        if not parts and method in ("GET", "HEAD"):
            return 200, {"name": "stub", "cluster_name": "stub", "tagline": "You Know, for Search",
                         "version": {"number": "7.17.13", "build_flavor": "default", "lucene_version": "8.11.1"}}
        if parts == ["_bulk"]:
            return self.bulk(params.get("index"), body)
        if len(parts) == 1:
            name = parts[0]
            if method == "HEAD":
                return (200 if name in self.indices else 404), {}
            if method == "PUT":
                if name in self.indices:
                    raise StubError(400, "resource_already_exists_exception", f"index [{name}] already exists")
                created = Index(name, (body or {}).get("settings", {}))
                created.put_mapping((body or {}).get("mappings", {}).get("properties", {}))
                self.indices[name] = created
                return 200, {"acknowledged": True, "shards_acknowledged": True, "index": name}
            if method == "DELETE":
                self.index(name)
                del self.indices[name]
                return 200, {"acknowledged": True}
        if len(parts) == 2:
            name, action = parts
            if action == "_bulk":
                return self.bulk(name, body)
            index = self.index(name)
            if action == "_mapping" and method == "GET":
                return 200, {name: {"mappings": {"properties": index.properties}}}
            if action == "_mapping" and method in ("PUT", "POST"):
                index.put_mapping(body.get("properties", {}))
                return 200, {"acknowledged": True}
            if action == "_refresh":
                return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
            if action == "_count":
                query = (body or {}).get("query", {"match_all": {}})
                count = sum(1 for _source, terms in index.docs.values() if evaluate(query, terms)[0])
                return 200, {"count": count, "_shards": {"total": 1, "successful": 1, "failed": 0}}
            if action == "_search":
                return 200, self.search(index, body or {})
        raise unsupported(f"{method} /{'/'.join(parts)}")

    def bulk(self, name, lines):
        items = []
        position = 0
        while position < len(lines):
            action, meta = next(iter(lines[position].items()))
            index_name = meta.get("_index", name)
            if index_name not in self.indices:  # as Elasticsearch does: auto-create, dynamic mappings
                self.indices[index_name] = Index(index_name)
            index = self.indices[index_name]
            if action == "index":
                index.store(meta["_id"], lines[position + 1])
                items.append({"index": {"_index": index_name, "_id": meta["_id"], "result": "created", "status": 201}})
                position += 2
            elif action == "delete":
                found = index.docs.pop(meta["_id"], None) is not None
                items.append({"delete": {"_index": index_name, "_id": meta["_id"],
                                         "result": "deleted" if found else "not_found",
                                         "status": 200 if found else 404}})
                position += 1
            else:
                raise unsupported(f"bulk action {action}")
        errors = any(next(iter(item.values()))["status"] >= 300 for item in items)
        return 200, {"took": 1, "errors": errors, "items": items}

    def search(self, index, body):
        unknown = set(body) - {"query", "sort", "from", "size", "track_total_hits", "_source", "aggs"}
        if unknown:
            raise unsupported(f"search keys {sorted(unknown)}")
        query = body.get("query", {"match_all": {}})
        hits = []
        for doc_id, (source, terms) in index.docs.items():
            ok, score = evaluate(query, terms)
            if ok:
                hits.append((doc_id, source, score))
        total = len(hits)
        for entry in reversed(body.get("sort", ["_score"])):
            if isinstance(entry, str):
                field, order = entry, "desc" if entry == "_score" else "asc"
            else:
                field, order = next(iter(entry.items()))
            order = order["order"] if isinstance(order, dict) else order
            if field == "_score":
                hits.sort(key=lambda hit: hit[2], reverse=order == "desc")
                continue
            present = [hit for hit in hits if sort_value(index, hit[1], field) is not None]
            missing = [hit for hit in hits if sort_value(index, hit[1], field) is None]
            present.sort(key=lambda hit: sort_value(index, hit[1], field), reverse=order == "desc")
            hits = present + missing
        start, size = int(body.get("from", 0)), int(body.get("size", 10))
        if start + size > index.result_window():
            raise StubError(400, "illegal_argument_exception", "Result window is too large")
        aggregations = {}
        for name, spec in body.get("aggs", {}).items():
            if set(spec) != {"terms"}:
                raise unsupported(f"aggregation {sorted(spec)}")
            counts = {}
            for _doc_id, _source, _score in hits:
                for value in index.docs[_doc_id][1].get(spec["terms"]["field"], ()):
                    counts[value] = counts.get(value, 0) + 1
            buckets = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            shown = buckets[:int(spec["terms"].get("size", 10))]
            aggregations[name] = {"doc_count_error_upper_bound": 0,
                                  "sum_other_doc_count": sum(count for _key, count in buckets[len(shown):]),
                                  "buckets": [{"key": key, "doc_count": count} for key, count in shown]}
        wanted = body.get("_source", True)
        page = []
        for doc_id, source, score in hits[start:start + size]:
            if wanted is False:
                shown_source = None
            elif wanted is True:
                shown_source = source
            else:
                shown_source = {key: value for key, value in source.items() if key in as_list(wanted)}
            hit = {"_index": index.name, "_type": "_doc", "_id": doc_id, "_score": score}
            if shown_source is not None:
                hit["_source"] = shown_source
            page.append(hit)
        exact = body.get("track_total_hits") is True or total <= DEFAULT_RESULT_WINDOW
        shown_total = {"value": total if exact else DEFAULT_RESULT_WINDOW, "relation": "eq" if exact else "gte"}
        best = max((hit[2] for hit in hits), default=None)
        response = {"took": 1, "timed_out": False, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                    "hits": {"total": shown_total, "max_score": best, "hits": page}}
        if aggregations:
            response["aggregations"] = aggregations
        return response
