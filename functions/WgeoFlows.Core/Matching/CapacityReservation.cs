namespace WgeoFlows.Matching;

public enum CapacityReservation
{
    /// <summary>A capacity unit is now held for the engagement key.</summary>
    Reserved,
    /// <summary>The engagement key already held a unit (a retried call): nothing changed.</summary>
    AlreadyReserved,
    /// <summary>Every unit is taken, or the partner is inactive.</summary>
    NoCapacity,
    NotFound,
}
