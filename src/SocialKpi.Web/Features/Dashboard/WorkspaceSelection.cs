namespace SocialKpi.Web.Features.Dashboard;

/// <summary>The workspace the user is looking at, kept for the circuit so every page opens on it.</summary>
public sealed class WorkspaceSelection
{
    public int? Current { get; private set; }

    public event Action? Changed;

    public void Select(int workspaceId)
    {
        if (Current == workspaceId)
        {
            return;
        }

        Current = workspaceId;
        Changed?.Invoke();
    }
}
