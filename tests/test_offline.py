"""No network at run time: with every socket refused, deid still loads and scrubs."""
import subprocess
import sys
import textwrap

# the start of every child process below: any attempt to reach the network raises
REFUSE_NETWORK = """
import socket, sys
def refuse(*a, **k):
    raise OSError("network refused by test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


def _run_offline(body: str) -> None:
    code = REFUSE_NETWORK + textwrap.dedent(body)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "OK"
    assert "Traceback" not in p.stderr


def test_scrubs_with_all_sockets_refused():
    _run_offline(
        """
        from deid import Deidentifier
        d = Deidentifier()
        out = d.scrub("Email jordan.reyes@example.com or see https://portal.example.org/jr, Dr Okafor.").text
        assert "jordan.reyes" not in out and "Okafor" not in out, "not scrubbed"
        # Presidio's e-mail recognizer path through tldextract must not reach out either
        import tldextract
        assert tldextract.extract("mail.example.co.uk").suffix == "co.uk"
        print("OK")
        """
    )


def test_tldextract_imported_later_is_offline_too():
    """In the deid command, Presidio's predefined recognizers (and tldextract with them)
    are not imported up front; tldextract imported later is pointed at its snapshot the
    moment it loads."""
    _run_offline(
        """
        import deid._presidio
        deid._presidio.install()  # as deid.cli.main does
        from deid import Deidentifier
        d = Deidentifier()
        assert "tldextract" not in sys.modules, "imported up front"
        import tldextract
        assert tuple(tldextract.tldextract.TLD_EXTRACTOR.suffix_list_urls) == ()
        assert tldextract.extract("clinic.example.org.au").suffix == "org.au"
        print("OK")
        """
    )
