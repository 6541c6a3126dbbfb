import sys
import types

import pytest

from ficaudio import entry


def test_ctrl_c_while_the_cli_loads_exits_130(monkeypatch, capsys):
    class Interrupting(types.ModuleType):
        def __getattr__(self, name):
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "ficaudio.cli", Interrupting("ficaudio.cli"))
    with pytest.raises(SystemExit) as info:
        entry.main()
    assert info.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"
