"""The pack's contract with the code: the roles the app relies on, and the fields of each.

The app never names a material or a field of the pack. Where it needs "the patient's goals" or
"the date of the next appointment", it asks for a role (``pack.role("goals")``), and the material
that plays it says, in its ``[roles.<role>]`` table, which of its fields hold what the role needs:

    [roles.goals]
    list = "goals"       # the list field that holds the goals
    text = "text"        # an item field of that list: the goal in the patient's words
    ...

The loader refuses a pack in which a role is missing, played twice, or points at a field that is
not there or not of a fitting type (docs/content-format.md, "Roles").
"""

from dataclasses import dataclass
from types import MappingProxyType

from betterback.content.model import Field, Material

TEXTS = ("text", "textarea")


@dataclass(frozen=True)
class Need:
    """One thing a role needs from its material: a field of one of ``types``. ``item`` needs are
    item fields of the role's list; ``links_to`` names the role whose list a link field must
    point at."""

    key: str
    types: tuple[str, ...]
    meaning: str
    item: bool = True
    links_to: str = ""


@dataclass(frozen=True)
class RoleSpec:
    name: str
    meaning: str
    needs: tuple[Need, ...] = ()

    @property
    def has_list(self) -> bool:
        return any(need.item for need in self.needs)


LIST = Need("list", ("list",), "the list field whose items the role reads", item=False)

ROLES = {
    spec.name: spec
    for spec in (
        RoleSpec(
            "values",
            "what matters to the patient: the activities goals are set for",
            (LIST, Need("text", TEXTS, "the activity, in the patient's words")),
        ),
        RoleSpec(
            "goals",
            "the patient's goals, each serving something that matters",
            (
                LIST,
                Need("text", TEXTS, "the goal"),
                Need("measure", TEXTS, "how the patient will know it is reached"),
                Need("values", ("link",), "what matters that it serves", links_to="values"),
                Need("by_when", ("date",), "when it should be reached"),
            ),
        ),
        RoleSpec(
            "actions",
            "the action plan: the steps the patient takes and checks in on",
            (
                LIST,
                Need("what", TEXTS, "what the patient will do"),
                Need("when", TEXTS, "when"),
                Need("where", TEXTS, "where"),
                Need("how_much", TEXTS, "how much or how long"),
                Need("goal", ("link",), "the goal the step is for", links_to="goals"),
            ),
        ),
        RoleSpec("flare_plan", "the flare-up plan, shown whole in self-management"),
        RoleSpec(
            "follow_up",
            "the follow-up: the page that shows what happened since the last session",
            (Need("next_appointment", ("date",), "the next appointment", item=False),),
        ),
    )
}


@dataclass(frozen=True)
class Role:
    """A role as the pack plays it: the material, and for each need the field that meets it."""

    name: str
    material_id: str
    fields: MappingProxyType  # need key -> Field (an item field of the list for item needs)

    def field(self, key: str) -> Field:
        return self.fields[key]

    def field_id(self, key: str) -> str:
        return self.fields[key].id

    def rows(self, data: dict) -> list[dict]:
        """The items of the role's list in a worksheet entry's data."""
        rows = data.get(self.field_id("list")) or []
        return [row for row in rows if isinstance(row, dict)]

    def value(self, data: dict, key: str, default=""):
        """One need's answer in ``data`` (an item of the list, or the entry's data)."""
        value = data.get(self.field_id(key))
        return default if value is None else value


class RoleProblem(Exception):
    """What is wrong with a role, and where: ``where`` is the key in the material's file."""

    def __init__(self, material: Material | None, where: str, problem: str):
        super().__init__(problem)
        self.material, self.where, self.problem = material, where, problem


def bind(material: Material, name: str, field_ids: dict) -> Role:
    """The role ``name`` as ``material`` declares it; RoleProblem if a field does not fit."""
    here = f"roles.{name}"
    spec = ROLES.get(name)
    if spec is None:
        raise RoleProblem(material, here, f"unknown role; the roles are {sorted(ROLES)}")
    if not isinstance(field_ids, dict):
        raise RoleProblem(material, here, "must be a table of field ids")
    keys = {need.key for need in spec.needs}
    unknown = sorted(set(field_ids) - keys)
    if unknown:
        raise RoleProblem(material, f"{here}.{unknown[0]}", "this role needs no such field")
    for need in spec.needs:
        field_id = field_ids.get(need.key)
        if not isinstance(field_id, str) or not field_id:
            raise RoleProblem(
                material, f"{here}.{need.key}", f"missing: name the field that holds {need.meaning}"
            )
        field = _find(material, field_ids, need)
        if field is None:
            place = f"the list '{field_ids.get('list')}'" if need.item else "this material"
            raise RoleProblem(material, f"{here}.{need.key}", f"{place} has no field '{field_id}'")
        if field.type not in need.types:
            raise RoleProblem(
                material,
                f"{here}.{need.key}",
                f"'{field_id}' is a {field.type} field; this role needs one of {need.types}",
            )
    fields = {need.key: _find(material, field_ids, need) for need in spec.needs}
    return Role(name, material.id, MappingProxyType(fields))


def _find(material: Material, field_ids: dict, need: Need) -> Field | None:
    try:
        if not need.item:
            return material.field(field_ids[need.key])
        return material.field(field_ids["list"]).item_field(field_ids[need.key])
    except KeyError:
        return None


def cast(materials: dict[str, Material]) -> dict[str, Role]:
    """Every role of the pack, by name: each played by exactly one material, and each link a
    role needs pointing at the list of the role it names. RoleProblem otherwise."""
    roles: dict[str, Role] = {}
    for material in materials.values():
        for role in material.roles:
            if role.name in roles:
                raise RoleProblem(
                    material,
                    f"roles.{role.name}",
                    f"'{roles[role.name].material_id}' plays this role already",
                )
            roles[role.name] = role
    for name, spec in ROLES.items():
        if name not in roles:
            raise RoleProblem(
                None,
                f"roles.{name}",
                f"no material plays this role ({spec.meaning}); add [roles.{name}] to the "
                "material that holds it",
            )
    for role in roles.values():
        for need in ROLES[role.name].needs:
            if not need.links_to:
                continue
            target = roles[need.links_to]
            expected = f"{target.material_id}/{target.field_id('list')}"
            if role.field(need.key).links_to != expected:
                raise RoleProblem(
                    materials[role.material_id],
                    f"roles.{role.name}.{need.key}",
                    f"'{role.field_id(need.key)}' must link to '{expected}' "
                    f"(the list of the role {need.links_to})",
                )
    return roles
