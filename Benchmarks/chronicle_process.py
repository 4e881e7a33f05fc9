"""Helpers the benchmark scripts share: waiting for a server to answer, and reading its RSS."""
import time
import urllib.request


def wait_until_answering(url, process=None, timeout=60.0):
    """Polls `url` until it answers (or `process` has exited, or `timeout` passes); True when it answered."""
    deadline = time.time() + timeout
    while time.time() < deadline and (process is None or process.poll() is None):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def rss_mib(pid):
    """The resident set of process `pid`, in MiB (VmRSS)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0
