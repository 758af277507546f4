/** A reason a proposed record is refused, naming the input field (dotted path for nested fields). */
export interface Problem {
  readonly field: string;
  readonly reason: string;
}
