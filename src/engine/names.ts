/**
 * How people read owners, KRAs and KPIs: the name first, the ID in brackets (`Ana Alvarez (P12)`),
 * or the bare ID when there is no name. One spelling for the CLI, the sheets and the pane.
 */
import { Model } from "./model";

export function nameWithId(name: string | null | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** An owner ID as a person reads it: the unit's or person's name with the ID. */
export function ownerLabel(model: Model, id: string): string {
  return nameWithId(model.units.get(id)?.name ?? model.people.get(id)?.name, id);
}
