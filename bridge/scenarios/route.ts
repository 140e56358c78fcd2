/**
 * Where a simulated car is: it drives a circle of a given length, so it stays in one area
 * however long a demo runs. Plain geometry on a local flat-earth approximation.
 */

export interface Position {
  latitude: number;
  longitude: number;
  heading: number;
}

const M_PER_DEGREE_LAT = 111_320;

/** Moves `metres` along the current heading. */
export function moveAlong(position: Position, metres: number): Position {
  const heading = (position.heading * Math.PI) / 180;
  const latitude = position.latitude + (metres * Math.cos(heading)) / M_PER_DEGREE_LAT;
  const longitude =
    position.longitude +
    (metres * Math.sin(heading)) / (M_PER_DEGREE_LAT * Math.cos((latitude * Math.PI) / 180));
  return { latitude, longitude, heading: position.heading };
}

/** Heading after `distanceM` on a circle of `loopM`, turning clockwise from `startHeading`. */
export function loopHeading(startHeading: number, distanceM: number, loopM: number): number {
  return (startHeading + (360 * distanceM) / loopM) % 360;
}
