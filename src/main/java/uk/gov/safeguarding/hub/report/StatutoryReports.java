package uk.gov.safeguarding.hub.report;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.routing.AuthorityRegister;
import uk.gov.safeguarding.hub.security.HubClient;
import uk.gov.safeguarding.hub.web.ApiProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The statutory figures a caller may read (SPEC §11), for the API and the page alike: a Trust or partnership its own
 * authorities' figures, operations any authority's or all; another authority does not exist for it (404), and an
 * agency may not read them (403).
 */
@Service
public class StatutoryReports {

    private final StatutoryFigures figures;
    private final AuthorityRegister authorities;

    StatutoryReports(StatutoryFigures figures, AuthorityRegister authorities) {
        this.figures = figures;
        this.authorities = authorities;
    }

    public StatutoryReport report(HubClient client, String authority, LocalDate from, LocalDate to) {
        if (client.isAgency()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Trust, partnership or operations key required",
                    "The statutory figures are the partnership's; an agency cannot read them");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("from", "must not be after to (" + to + ")")));
        }
        return new StatutoryReport(authority, authority == null ? null : authorities.label(authority), from, to,
                figures.byFinancialYear(counted(client, authority), from, to));
    }

    /** The authorities counted: the one asked for, within the caller's scope; without one, all the caller may read. */
    private Set<String> counted(HubClient client, String authority) {
        if (authority != null) {
            boolean inScope = client.isOperations() ? authorities.registered(authority) : client.actsForAuthority(authority);
            if (!inScope) {
                throw ApiProblem.notFound("Local authority " + authority);
            }
            return Set.of(authority);
        }
        return client.isOperations() ? null : client.authorities();
    }

    /** The authorities a caller may choose between. */
    public List<AuthorityRegister.Authority> choices(HubClient client) {
        return authorities.authorities().values().stream()
                .filter(a -> client.isOperations() || client.actsForAuthority(a.code())).toList();
    }
}
