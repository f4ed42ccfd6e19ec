import pytest

from .factories import review_world


@pytest.fixture
def rw(world):
    """The org world plus a 文学院 website channel and its three stages' reviewers."""
    return review_world(world)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


class Site:
    """A local web site on 127.0.0.1 (never the internet): `pages[path] = (status, body, headers)`;
    `posts` collects request bodies sent to it (webhooks)."""

    def __init__(self):
        import http.server
        import threading

        site = self
        self.pages: dict[str, tuple[int, bytes | str, dict[str, str]]] = {}
        self.posts: list[tuple[str, bytes]] = []
        self.hits: list[str] = []
        self.delay = 0.0

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                import time

                site.hits.append(self.path)
                if site.delay:
                    time.sleep(site.delay)
                status, body, headers = site.pages.get(self.path, (404, "<h1>404</h1>", {}))
                data = body.encode("utf-8") if isinstance(body, str) else body
                self.send_response(status)
                self.send_header("Content-Type", headers.get("Content-Type", "text/html; charset=utf-8"))
                for k, v in headers.items():
                    if k != "Content-Type":
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                site.posts.append((self.path, self.rfile.read(length)))
                data = b'{"errcode": 0, "code": 0}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.prefix = f"{self.base}/wxy/news/"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, body: str, status: int = 200, **headers: str) -> str:
        self.pages[path] = (status, body, headers)
        return self.url(path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture
def lw(world, site):
    """The review world whose channel lives on the local `site`."""
    return review_world(world, prefix=site.prefix)


def article_page(title: str, body_html: str, extra: str = "") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header class='header'><nav class='nav'><a href='/'>首页</a> <a href='/wxy/news/'>学院新闻</a></nav></header>"
            f"<div class='main'><h1>{title}</h1><div class='info'>发布时间：2026-11-20 来源：文学院 浏览：12</div>"
            f"<div class='v_news_content'>{body_html}</div>{extra}</div>"
            f"<footer class='footer'>版权所有 © 湘中师范学院</footer></body></html>")
