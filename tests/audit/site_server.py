"""A local HTTP server of the tests' own, for the probe and the link checker: broken, slow, looping, huge pages."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOME = """<!DOCTYPE html><html><body>
<a href="/ok/">正常页面</a> <a href="/missing/">失效页面</a> <a href="/slow/">慢页面</a>
<a href="/loop/">循环跳转</a> <a href="/huge/">超大页面</a> <a href="/files/guide.pdf">附件</a>
<img src="/img/missing.png" alt="缺失图片"> <a href="mailto:office@example.gov.cn">邮件</a>
<a href="http://www.example.com/outside/">外部链接</a>
</body></html>"""
OK_PAGE = """<!DOCTYPE html><html><body><a href="/">首页</a><a href="/ok/deeper/">下一级</a></body></html>"""
DEEPER = """<!DOCTYPE html><html><body><a href="/missing-from-deeper/">另一失效链接</a></body></html>"""


class SiteServer:
    """Serves the pages above on 127.0.0.1 at a free port; ``slow_seconds`` and ``home_delay`` set the slow cases."""

    def __init__(self, slow_seconds=2.0, huge_bytes=3 * 1024 * 1024):
        self.requests = []
        self.home_delay = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=None):
                try:
                    self.write_response(status, body, content_type, headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the slow case): that is what is being tested

            def write_response(self, status, body, content_type, headers):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def do_HEAD(self):
                self.do_GET()

            def do_GET(self):
                server.requests.append((self.command, self.headers.get("Host"), self.path))
                path = self.path
                if path == "/":
                    time.sleep(server.home_delay)
                    return self.send(200, HOME.encode())
                if path in ("/ok/", "/departments/jyj/", "/townships/cgz/"):
                    return self.send(200, OK_PAGE.encode())
                if path == "/ok/deeper/":
                    return self.send(200, DEEPER.encode())
                if path == "/slow/":
                    time.sleep(slow_seconds)
                    return self.send(200, OK_PAGE.encode())
                if path == "/loop/":
                    return self.send(302, headers={"Location": "/loop-again/"})
                if path == "/loop-again/":
                    return self.send(302, headers={"Location": "/loop/"})
                if path == "/huge/":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    chunk = b"x" * 65536
                    try:
                        for _index in range(huge_bytes // len(chunk)):
                            self.wfile.write(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return None
                return self.send(404, "未找到".encode())

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
