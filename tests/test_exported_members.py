import fuente


def test_exported_members_are_exactly_the_public_api() -> None:
    public = {name for name in vars(fuente) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(fuente, name)).__name__ == "module"}
    assert set(fuente.__all__) - {"__version__"} == public - modules
    for name in fuente.__all__:
        assert hasattr(fuente, name), name
